import NewsQueryShell
NewsQueryCommand.main()
