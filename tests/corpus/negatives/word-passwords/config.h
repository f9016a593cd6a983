#define WIFI_SSID "orbit-iot"
#define WIFI_PASSWORD "Jasper^Raven67"
#define MQTT_PASSWORD "Parsnipgopher13!"
