import getpass

import keyring

user = input("user: ")
password = getpass.getpass("password: ")
token = keyring.get_password("orbit-cli", user)
