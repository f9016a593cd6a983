# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "registry.terraform.io/hashicorp/aws" {
  version = "5.53.0"
  hashes = [
    "h1:hlk9JQIfjterHAyp8cFDsR+ifrLvyKRIqrJZhF1JpyA=",
    "zh:0dfd8a3977b8b4008d21377775cc1c3ea115c01f58cd196d6c48ddacc7baf3f9",
    "zh:901d224cdb39bf61a9591e4648018ea64c343d21b02ec0172de26ea7a28c9e24",
    "zh:3ec514882d6fefbe3d208eb7a4dc83f9015b63299014046a8c1698f4e3d78917",
    "zh:04cd08a735bd2baa4376f84c89816792e984f0e675f750f24188c2467d1188a7",
    "zh:cb3cd4d0338f8f4e001a9240be163ed63ee14e9211a7f28cd734df8f103ce8db",
  ]
}

provider "registry.terraform.io/hashicorp/random" {
  version = "3.6.2"
  hashes = [
    "h1:s2pEVEi2NEMLKhCf/xcAVq5maT5bkrliVlZ6loY4Ii4=",
    "zh:fdd277e16cf360537845b728c6b0f9bb588f55bce429eed262dd6573a9cd0a6b",
    "zh:de82cf16215460382679200f7038a65133e0ff0768496d1107caa6b2d3f9349e",
    "zh:323d10c27444e916d575fca78e815d079d163aadba547fd681e26ab619a9f853",
    "zh:d982bc8e512a1953b09c1741709025ee8a521b352944f21f8b912e79ddfee3b4",
    "zh:497c0b5a0cac688a3a05c14845bd01a8d122b129c81f8d7c559aa2719b2a8dc6",
  ]
}

provider "registry.terraform.io/cloudflare/cloudflare" {
  version = "4.34.0"
  hashes = [
    "h1:m9bupxVD7pLzOlX9lRksKOccwI/w6dn1m6zpfeeJ1dA=",
    "zh:f7427a20ec054a8cc26ccfbc8cbbda59c7a02712372b5d86b16a1f450e4e7d68",
    "zh:a13be5790cbe933387a4c9ae05ca8ce9b85d7f230a43e798357cb4a29f00baa2",
    "zh:9b01eb91d68d63b1c2475e4e685c98a9626f696a7750c9e406f9bb560eae62a7",
    "zh:f9c4ccf519482dac29d7e141d5dac827ae04a1f159ec986b2857f934085dd28d",
    "zh:85f88d8147a6fcb614895a170d92f1b823ab2990fb303d130c55a8f50e878711",
  ]
}
