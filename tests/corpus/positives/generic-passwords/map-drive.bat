@echo off
set SHARE=\\fileserver01\finance
net use Z: %SHARE% /user:ORBIT\svc-finance P@ssword1234 /persistent:no
robocopy Z:\exports C:\reports /MIR
