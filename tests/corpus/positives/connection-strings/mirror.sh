#!/bin/sh
# mirror the legacy SVN export to the internal git server
git push --mirror https://svc-mirror:tU5WEYcJ-Drt2fD0s4Op@git.orbitpay.internal/legacy/billing.git
