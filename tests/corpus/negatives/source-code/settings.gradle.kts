rootProject.name = "orbit"
include(":api", ":core", ":worker")
