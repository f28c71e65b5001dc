import NewsQuery
