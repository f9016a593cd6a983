{ lib, stdenv, fetchurl }:

stdenv.mkDerivation rec {
  pname = "orbit-cli";
  version = "2.8.1";
  src = fetchurl {
    url = "https://github.com/orbitpay/orbit-cli/archive/v${version}.tar.gz";
    hash = "sha256-SZ0Ft4f8JsOB1ti/0n6p1JkAkhxDj9yF+6YpdDkYOgA=";
  };
  vendorHash = "sha256-CgHF/qXusZvIjCDcqc5WaBLfZoSKVZHdZ4u7oS+FGYQ=";
}
