from app.models import User

USERS = [
    User(email="ana@orbitpay.io", password_hash="pbkdf2:sha256:600000$4iUSroVlYP0f4N0Z$60d29cbecb3c45539f26052a2f97e5097edc1f3e47a450ec2a777374dbfd49b9"),
    User(email="ben@orbitpay.io", password_hash="pbkdf2:sha256:600000$ZwjgHYv9s0SIvGzr$3d481c19717a9450db732323a0dcdb62b122affab6279bcccf1a8f72ad1324c0"),
]
