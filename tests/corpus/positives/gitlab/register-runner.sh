#!/bin/bash
gitlab-runner register \
  --non-interactive \
  --url "https://gitlab.orbitpay.io/" \
  --registration-token "GR13489414ybokj9qDWxTNGHfd1OV" \
  --executor "docker" \
  --docker-image alpine:latest \
  --description "docker-runner"
