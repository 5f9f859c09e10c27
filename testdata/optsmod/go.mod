module example.com/optsmod

go 1.26
