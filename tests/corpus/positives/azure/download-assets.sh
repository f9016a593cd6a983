#!/usr/bin/env bash
set -e
azcopy copy "https://orbitassets.blob.core.windows.net/media/?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-01-31T23:59:59Z&st=2024-02-01T00:00:00Z&spr=https&sig=ScJ%2F%2BZrkt5WgW7voYlFeBAJat%2F5vbJt5uqe4d6zbN9Q%3D" ./media --recursive
echo "assets synced"
