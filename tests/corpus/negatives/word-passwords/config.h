#define WIFI_SSID "orbit-iot"
#define WIFI_PASSWORD "Thistle634-"
#define MQTT_PASSWORD "Almondyonder58!"
