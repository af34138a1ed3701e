import Evaluation
import Testing

@Suite struct TokenOverlapTests {
    @Test func tokensAreLowerCasedLetterAndDigitRuns() {
        #expect(
            TokenOverlap.tokens("Ünïcode ÄPFEL, 2012: don't e-mail!") == [
                "ünïcode", "äpfel", "2012", "don", "t", "e", "mail",
            ])
        #expect(TokenOverlap.tokens("  ... -- ") == [])
        #expect(TokenOverlap.tokens("x²") == ["x²"])  // superscript two is a number
        #expect(TokenOverlap.tokens("中文 text") == ["中文", "text"])
    }

    @Test func multisetOverlapByHand() {
        // gold: the cat sat on the mat (6); extracted: the the the dog (4); common: "the" twice.
        let o = TokenOverlap(extracted: "the THE the dog", gold: "The cat sat on the mat.")
        #expect(o == TokenOverlap(gold: 6, extracted: 4, common: 2))
        #expect(o.precision == 0.5)
        #expect(o.recall == 2.0 / 6)
        #expect(abs(o.f1 - 0.4) < 1e-12)
    }

    @Test func orderDoesNotMatter() {
        let o = TokenOverlap(extracted: "mat the on sat cat the", gold: "the cat sat on the mat")
        #expect((o.precision, o.recall, o.f1) == (1, 1, 1))
    }

    @Test func emptyCasesFollowTheDocumentedConventions() {
        let nothingExtracted = TokenOverlap(extracted: "", gold: "some comment")
        #expect((nothingExtracted.precision, nothingExtracted.recall, nothingExtracted.f1) == (0, 0, 0))
        let nothingInCommon = TokenOverlap(extracted: "other words", gold: "some comment")
        #expect(nothingInCommon.f1 == 0)
        let noGold = TokenOverlap(extracted: "spam", gold: "")
        #expect((noGold.gold, noGold.extracted, noGold.recall) == (0, 1, 0))
    }
}
