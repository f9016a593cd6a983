require "platform-api"

heroku = PlatformAPI.connect_oauth("011aa648-02ac-4314-827f-3984a85e9665")
heroku.formation.update("orbit-web", "web", { "quantity" => 3, "size" => "standard-2x" })
