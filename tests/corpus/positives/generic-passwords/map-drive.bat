@echo off
set SHARE=\\fileserver01\finance
net use Z: %SHARE% /user:ORBIT\svc-finance K@uihgxj4267 /persistent:no
robocopy Z:\exports C:\reports /MIR
