echo abc | cat | cat | cat | tr a-c A-C | cat
