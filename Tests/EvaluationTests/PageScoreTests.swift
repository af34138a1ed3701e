import Evaluation
import Testing
import ThreadModel

@Suite struct PageScoreTests {
    @Test func perfectExtractionScoresOneEverywhere() {
        let gold = goldPage(
            [
                goldComment(1, texts[0], author: "Joe", url: "http://a.example/", published: "2005-04-19T19:14"),
                goldComment(2, texts[1], author: "Post Author", parent: 1, isPostAuthor: true),
                goldComment(3, placeholder, status: .removedByAuthor),
            ], countShown: 3, pingbacks: 1)
        let extracted = record(
            [
                extractedComment(1, texts[0], author: "Joe", url: "http://a.example/", published: "2005-04-19T19:14"),
                extractedComment(2, texts[1], author: "Post Author", parent: 1, isPostAuthor: true),
                extractedComment(3, placeholder, status: .removedByAuthor),
            ], countShown: 3, pingbacks: 1)
        let s = PageScore.score(extracted: extracted, gold: gold)
        #expect((s.goldCount, s.extractedCount, s.matched) == (3, 3, 3))
        #expect(s.recall == 1 && s.precision == 1 && s.exactCount && s.commentCountShownCorrect)
        #expect((s.pingbacksFound, s.pingbacksGold) == (1, 1))
        let f = s.fields
        for tally in [f.author, f.authorURL, f.status, f.isPostAuthor, f.parent] {
            #expect(tally == Tally(correct: 3, total: 3))
        }
        #expect(f.published == Tally(correct: 1, total: 1))
        #expect(f.removed == Tally(correct: 1, total: 1))
    }

    @Test func missedCommentLowersRecallOnly() {
        let gold = goldPage([goldComment(1, texts[0]), goldComment(2, texts[1]), goldComment(3, texts[2])])
        let s = PageScore.score(
            extracted: record([extractedComment(1, texts[0]), extractedComment(2, texts[2])]), gold: gold)
        #expect(s.matched == 2)
        #expect(s.recall == 2.0 / 3)
        #expect(s.precision == 1)
        #expect(!s.exactCount)
        #expect(s.fields.author == Tally(correct: 2, total: 2))
    }

    @Test func extraCommentLowersPrecisionOnly() {
        let gold = goldPage([goldComment(1, texts[0]), goldComment(2, texts[1]), goldComment(3, texts[2])])
        let extracted = record((0..<4).map { extractedComment($0 + 1, [texts[0], texts[5], texts[1], texts[2]][$0]) })
        let s = PageScore.score(extracted: extracted, gold: gold)
        #expect(s.matched == 3)
        #expect(s.recall == 1)
        #expect(s.precision == 0.75)
    }

    @Test func emptyPagesFollowTheDocumentedConventions() {
        let empty = PageScore.score(extracted: record([]), gold: goldPage([]))
        #expect(empty.recall == 1 && empty.precision == 1 && empty.exactCount)
        #expect(empty.fields.author.rate == nil)
        let falsePositive = PageScore.score(extracted: record([extractedComment(1, texts[0])]), gold: goldPage([]))
        #expect(falsePositive.precision == 0 && falsePositive.recall == 1)
        let nothingFound = PageScore.score(extracted: record([]), gold: goldPage([goldComment(1, texts[0])]))
        #expect(nothingFound.recall == 0 && nothingFound.precision == 1)
    }

    @Test func repeatedPlaceholdersAlignInOrder() {
        let gold = goldPage(
            [
                goldComment(1, texts[0]),
                goldComment(2, placeholder, author: "X", status: .removedByAuthor),
                goldComment(3, placeholder, author: "Y", status: .removedByAuthor),
                goldComment(4, placeholder, author: "Z", status: .removedByAuthor),
                goldComment(5, texts[1]),
            ])
        // The third placeholder was missed: the first two must pair with gold 2 and 3, not 3 and 4.
        let extracted = [
            extractedComment(1, texts[0]),
            extractedComment(2, placeholder, author: "X", status: .removedByAuthor),
            extractedComment(3, placeholder, author: "Y", status: .removedByAuthor),
            extractedComment(4, texts[1]),
        ]
        let pairs = PageScore.align(extracted: extracted, gold: gold.comments)
        #expect(pairs.map(\.gold) == [0, 1, 2, 4])
        #expect(pairs.map(\.extracted) == [0, 1, 2, 3])
        let s = PageScore.score(extracted: record(extracted), gold: gold)
        #expect(s.fields.author == Tally(correct: 4, total: 4))
        #expect(s.fields.removed == Tally(correct: 2, total: 3))
    }

    @Test func alignmentNeverCrossesOrder() {
        let gold = [goldComment(1, texts[0]), goldComment(2, texts[1])]
        let swapped = [extractedComment(1, texts[1]), extractedComment(2, texts[0])]
        #expect(PageScore.align(extracted: swapped, gold: gold).count == 1)
    }

    @Test func wrongParentAuthorAndStatusAreCounted() {
        let gold = goldPage(
            [
                goldComment(1, texts[0], author: "Ann"),
                goldComment(2, texts[1], author: "Bob", parent: 1),
                goldComment(3, texts[2], author: "Cy", parent: 1),
                goldComment(4, texts[3], author: "Di"),
                goldComment(5, texts[4], author: "Ed", status: .pending),
            ])
        let extracted = record([
            extractedComment(1, texts[0], author: " Ann\n"),  // whitespace is forgiven
            extractedComment(2, texts[1], author: "bob", parent: 1),  // case is not
            extractedComment(3, texts[2], author: "Cy", parent: 2),  // wrong parent
            extractedComment(4, texts[3], author: "Di", parent: 1),  // nested, gold is top level
            extractedComment(5, texts[4], author: "Ed", status: .visible),  // wrong status
        ])
        let f = PageScore.score(extracted: extracted, gold: gold).fields
        #expect(f.author == Tally(correct: 4, total: 5))
        #expect(f.parent == Tally(correct: 3, total: 5))
        #expect(f.status == Tally(correct: 4, total: 5))
        #expect(f.removed == Tally(correct: 0, total: 1))
    }

    @Test func parentWhoseGoldParentIsUnmatchedIsWrong() {
        let gold = goldPage([goldComment(1, texts[0]), goldComment(2, texts[1], parent: 1)])
        let extracted = record([extractedComment(1, texts[7]), extractedComment(2, texts[1], parent: 1)])
        #expect(PageScore.score(extracted: extracted, gold: gold).fields.parent == Tally(correct: 0, total: 1))
    }

    @Test func publishedMatchesByPrefixAndOnlyWhereGoldHasOne() {
        let gold = goldPage(
            [
                goldComment(1, texts[0], published: "2005-04-19T19:14"),
                goldComment(2, texts[1], published: "2005-04-19T19:14"),
                goldComment(3, texts[2], published: "2005-04-19T19:14"),
                goldComment(4, texts[3], published: "2005-04-19T19:14"),
                goldComment(5, texts[4]),
            ])
        let extracted = record([
            extractedComment(1, texts[0], published: "2005-04-19T19:14"),
            extractedComment(2, texts[1], published: "2005-04-19T19:14:49"),
            extractedComment(3, texts[2], published: "2005-04-19T19:15"),
            extractedComment(4, texts[3]),
            extractedComment(5, texts[4], published: "2005-04-20T08:00"),
        ])
        #expect(PageScore.score(extracted: extracted, gold: gold).fields.published == Tally(correct: 2, total: 4))
    }

    @Test func authorURLToleratesSchemeAndTrailingSlash() {
        let cases: [(gold: String?, found: String?, correct: Bool)] = [
            ("http://a.example/x", "https://a.example/x/", true),
            ("https://a.example/", "http://a.example", true),
            ("HTTP://a.example", "http://a.example", true),
            (nil, nil, true),
            (nil, "", true),
            (nil, "http://a.example", false),
            ("http://a.example", nil, false),
            ("http://a.example", "http://b.example", false),
        ]
        for c in cases {
            let s = PageScore.score(
                extracted: record([extractedComment(1, texts[0], url: c.found)]),
                gold: goldPage([goldComment(1, texts[0], url: c.gold)]))
            #expect(s.fields.authorURL == Tally(correct: c.correct ? 1 : 0, total: 1), "\(c)")
        }
    }

    @Test func removedRecallCountsEveryRemovedGoldComment() {
        let gold = goldPage(
            [
                goldComment(1, "This comment has been removed by a blog administrator.", status: .removedByAdmin),
                goldComment(2, texts[0]),
                goldComment(3, placeholder, status: .removedByAuthor),
                goldComment(4, "Comment deleted", status: .deleted),
            ])
        let extracted = record([
            extractedComment(1, "This comment has been removed by a blog administrator.", status: .removedByAdmin),
            extractedComment(2, texts[0]),
            extractedComment(3, placeholder, status: .removedByAdmin),
        ])
        #expect(PageScore.score(extracted: extracted, gold: gold).fields.removed == Tally(correct: 1, total: 3))
    }

    @Test func claimedCountAndPingbacks() {
        let gold = goldPage([goldComment(1, texts[0])], countShown: 2, pingbacks: 2)
        let s = PageScore.score(extracted: record([extractedComment(1, texts[0])], pingbacks: 1), gold: gold)
        #expect(!s.commentCountShownCorrect)
        #expect((s.pingbacksFound, s.pingbacksGold) == (1, 2))
    }
}
