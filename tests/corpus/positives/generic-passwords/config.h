#ifndef ORBIT_CONFIG_H
#define ORBIT_CONFIG_H

#define WIFI_SSID "orbit-iot"
#define WIFI_PASSWORD "Hiriufa5!"
#define MQTT_HOST "mqtt.orbitpay.io"
#define MQTT_PASSWORD "RZArfPmbrgEfA5Pfk3fm"

#endif
