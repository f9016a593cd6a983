import argparse
import getpass

from argon2 import PasswordHasher

ap = argparse.ArgumentParser()
ap.add_argument("--password", help="password to hash (prompted if omitted)")
args = ap.parse_args()
print(PasswordHasher().hash(args.password or getpass.getpass()))
