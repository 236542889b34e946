# Sourced by scripts/test, scripts/train and bench/run: ctgrad_install_deps PACKAGE... installs
# the Debian packages that are missing, with sudo when not root, and fails naming them when it
# cannot.
ctgrad_install_deps() {
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
      missing+=("$package")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0

  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null; then
      echo "missing Debian packages (install them as root): ${missing[*]}" >&2
      return 1
    fi
    sudo=(sudo)
  fi
  echo "installing missing Debian packages: ${missing[*]}"
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
}

# The other AD libraries bench/run compares with (bench/peers). Debian's Sacado is built with
# Kokkos and Teuchos (over MPI) and its Fad headers include theirs, hence the last three.
CTGRAD_PEER_PACKAGES=(libadolc-dev libeigen3-dev libtorch-dev libtrilinos-sacado-dev
                      libtrilinos-kokkos-dev libtrilinos-teuchos-dev mpi-default-dev)
