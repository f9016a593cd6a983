from django.contrib.auth import authenticate, login


def login_view(request):
    username = request.POST["username"]
    password = request.form["password"] if hasattr(request, "form") else request.POST["password"]
    user = authenticate(request, username=username, password=password)
    if user is None:
        return render(request, "login.html", {"error": "Invalid username or password"})
    login(request, user)
