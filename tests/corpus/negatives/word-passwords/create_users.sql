CREATE USER reporting WITH PASSWORD 'Sunshine!88';
ALTER USER 'app'@'%' IDENTIFIED BY 'Trustno1!';
