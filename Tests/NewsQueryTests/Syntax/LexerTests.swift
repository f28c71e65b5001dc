import Testing
@testable import NewsQuery

@Suite struct LexerTests {
    func kinds(_ text: String) -> [TokenKind] { Lexer.tokenize(Source(text)).map(\.kind) }

    @Test func statementTokens() {
        #expect(kinds(#"WHO Said "oil price" where speaker.country != RU and source ~ 'Le Monde' limit 5;"#) == [
            .keyword(.who), .keyword(.said), .string("oil price"), .keyword(.where), .word("speaker.country"),
            .notEqual, .word("RU"), .keyword(.and), .word("source"), .tilde, .string("Le Monde"),
            .keyword(.limit), .number(5), .semicolon, .endOfInput,
        ])
    }

    @Test func keywordsAreCaseInsensitive() {
        #expect(kinds("QuOtEs WHERE Not") == [.keyword(.quotes), .keyword(.where), .keyword(.not), .endOfInput])
    }

    @Test func wordsKeepInnerHyphensAndDots() {
        #expect(kinds("a1:12 a:") == [.word("a1:12"), .word("a"), .error(message: "unexpected character `:`", hint: nil), .endOfInput])
        #expect(kinds("Kim-Putin 2023-09-12 -3 x.") == [
            .word("Kim-Putin"), .word("2023-09-12"), .number(-3), .word("x"),
            .error(message: "unexpected character `.`", hint: nil), .endOfInput,
        ])
    }

    @Test func stringEscapesAndParentheses() {
        #expect(kinds(#"("say \"no\"")"#) == [.leftParen, .string(#"say "no""#), .rightParen, .endOfInput])
    }

    @Test func commentsAndLineContinuationsAreTrivia() {
        #expect(kinds("quotes # all of them\n limit \\\n 2") == [.keyword(.quotes), .keyword(.limit), .number(2), .endOfInput])
    }

    @Test func unterminatedStringIsAnErrorTokenAtTheOpeningQuote() {
        let tokens = Lexer.tokenize(Source(#"who said "price"#))
        #expect(tokens.count == 4)
        #expect(tokens[2].kind == .error(message: "unterminated string", hint: "close it with \""))
        #expect(tokens[2].range == SourceRange(9, 10))
    }

    @Test func rangesAreScalarOffsets() {
        let tokens = Lexer.tokenize(Source("sources  where"))
        #expect(tokens.map(\.range) == [SourceRange(0, 7), SourceRange(9, 14), SourceRange(14, 14)])
    }

    @Test func strayCharactersNeverStopTheLexer() {
        #expect(kinds("! <> @") == [
            .error(message: "unexpected character `!`", hint: "did you mean `!=`?"),
            .error(message: "unexpected `<>`", hint: "did you mean `!=`?"),
            .error(message: "unexpected character `@`", hint: nil), .endOfInput,
        ])
        #expect(kinds("99999999999999999999") == [.error(message: "number `99999999999999999999` is too large", hint: "numbers go from \(Int.min) to \(Int.max)"), .endOfInput])
    }

    @Test func comparisonsListsAndNear() {
        #expect(kinds("start >= 10 < <= > , / (a, b)") == [
            .word("start"), .greaterEqual, .number(10), .less, .lessEqual, .greater, .comma, .slash,
            .leftParen, .word("a"), .comma, .word("b"), .rightParen, .endOfInput,
        ])
        #expect(kinds(#""arms" NEAR/5 deal"#) == [.string("arms"), .keyword(.near), .slash, .number(5), .word("deal"), .endOfInput])
    }

    @Test func aTrailingStarMakesAPrefixWord() {
        #expect(kinds("pric* Kim-Put*") == [.word("pric*"), .word("Kim-Put*"), .endOfInput])
        let hint = "for example: pric* (words beginning with \"pric\"); a leading or lone `*` is not allowed"
        #expect(kinds("* *ice") == [
            .error(message: "a wildcard `*` must follow the start of a word", hint: hint),
            .error(message: "a wildcard `*` must follow the start of a word", hint: hint), .endOfInput,
        ])
        #expect(kinds("pr*ce") == [.error(message: "a wildcard `*` can only end a word", hint: "for example: pric*"), .endOfInput])
        // A number takes no wildcard.
        #expect(kinds("7*").count == 3)
    }
}
