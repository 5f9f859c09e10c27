module example.com/checkmod

go 1.26
