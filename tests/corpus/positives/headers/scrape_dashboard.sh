#!/bin/sh
curl -s 'https://admin.orbitpay.io/dashboard/export.csv' \
  -H 'Cookie: sessionid=fn9mjg8763i4q5ma4oz6vo5sde36kf8j; csrftoken=Zx9Q2mV7kP4wR8tY1uI6oA3sD5fG0hJ2' \
  -o export.csv
