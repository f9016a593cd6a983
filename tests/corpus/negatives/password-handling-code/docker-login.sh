#!/bin/sh
read -r -s -p "Registry password: " REGISTRY_PASSWORD
echo "$REGISTRY_PASSWORD" | docker login registry.orbitpay.io -u "$USER" --password-stdin
