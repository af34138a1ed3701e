import Evaluation
import Testing

@Suite struct TextMatchTests {
    let long = "I remember that Samsung wanted to use recycled and oxygen bl"

    @Test(arguments: [
        "I remember that Samsung wanted to use recycled and oxygen bleached paper, and more.",
        "  i REMEMBER that\nSamsung  wanted to\tuse recycled and oxygen bleached",
        "I remember that Samsung wanted to use recycled and oxygen bl",
        "I remember that Samsung wanted to use recycled",  // shorter, but 46 characters agree
        "“I remember that Samsung wanted to use recycled and oxygen bleached",  // leading quote dropped
        "Ｉ remember that Samsung wanted to use recycled and oxygen bleached",  // NFKC: fullwidth I
    ])
    func agrees(extracted: String) {
        #expect(PageScore.textStartsAgree(gold: long, extracted: extracted))
    }

    @Test(arguments: [
        "I remember that Samsung wanted",  // shorter than 40 characters
        "I remember that Samsung wanted to use recycled and oxygen-bleached paper",
        "Remember that Samsung wanted to use recycled and oxygen bleached paper",
        "",
    ])
    func disagrees(extracted: String) {
        #expect(!PageScore.textStartsAgree(gold: long, extracted: extracted))
    }

    @Test func curlyQuotesAreStraightened() {
        #expect(
            PageScore.textStartsAgree(gold: "You’re 100% correct “Rarst”", extracted: "You're 100% correct \"Rarst\"!"))
    }

    @Test func shortGoldStartMustBeCoveredWhole() {
        #expect(
            PageScore.textStartsAgree(gold: "wunderbarer Text, Danke!", extracted: "Wunderbarer Text, Danke! Und mehr"))
        #expect(!PageScore.textStartsAgree(gold: "wunderbarer Text, Danke!", extracted: "Wunderbarer Text"))
    }

    @Test func punctuationOnlyTextsAreNotEmptied() {
        #expect(PageScore.textStartsAgree(gold: ":-)", extracted: ":-)"))
        #expect(!PageScore.textStartsAgree(gold: ":-)", extracted: ":-("))
        #expect(PageScore.textStartsAgree(gold: "", extracted: "  "))
    }
}
