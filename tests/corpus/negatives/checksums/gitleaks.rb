class Gitleaks < Formula
  desc "Audit git repos for secrets"
  homepage "https://github.com/gitleaks/gitleaks"
  url "https://github.com/gitleaks/gitleaks/archive/refs/tags/v8.18.4.tar.gz"
  sha256 "08d33ca7816850ecb508027691b3b8b4ae70d7a1443a390362cb0d3ab3c3b4c0"
  license "MIT"

  bottle do
    sha256 cellar: :any_skip_relocation, arm64_sonoma: "fef35535e8d546c3035fdd6723760f5407b1a39bbdf7ee38f5a247f45309c428"
    sha256 cellar: :any_skip_relocation, ventura:      "a1c0628b616761d7effb1dfa4e82ee9d76c26d74621dc35da50a52ab74026bb2"
  end
end
