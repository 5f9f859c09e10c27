module example.com/hidemod

go 1.26
