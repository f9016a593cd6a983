#!/usr/bin/env bash
set -euo pipefail
VERSION="$(git describe --tags --always)"
go build -ldflags "-X main.version=${VERSION}" -o bin/app ./cmd/app
