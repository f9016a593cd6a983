#!/bin/sh
# geocode every address in addresses.txt
while read -r addr; do
  curl -s "https://maps.googleapis.com/maps/api/geocode/json?address=$(printf %s "$addr" | jq -sRr @uri)&key=AIzapQ9XbEHaBfOWs-Eh5CLH0nXs8fHnmui2sbE" | jq '.results[0].geometry.location'
done < addresses.txt
