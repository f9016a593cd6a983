from django import forms


class PasswordChangeForm(forms.Form):
    old_password = forms.CharField(widget=forms.PasswordInput)
    new_password1 = forms.CharField(widget=forms.PasswordInput, min_length=12)
    new_password2 = forms.CharField(widget=forms.PasswordInput)
