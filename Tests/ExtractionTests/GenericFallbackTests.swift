import Extraction
import Foundation
import Testing
import ThreadModel

/// The generic fallback, schema.org JSON-LD comments, hosted-comment placeholders and
/// the profile explanation, on fixture pages we wrote.
@Suite struct GenericFallbackTests {
    @Test func flatBlocksUnderACommentsContainer() throws {
        let page = try extractFixture("generic-flat")
        let r = page.record
        #expect(page.profile == "generic")
        #expect(r.profile == "generic")
        #expect(r.platform == nil)
        #expect(r.comments.map(\.author) == ["Moss Fielding", "Ivy Lark", "Wren Tinker"])
        #expect(r.comments.map(\.authorURL) == ["http://example.org/moss", "http://example.org/ivy", nil])
        #expect(
            r.comments.map(\.text) == [
                "Brass never rusts, good choice.", "Mine squeaks all winter.\nAny oil you would suggest?",
                "Plain sewing machine oil works for me.",
            ])
        #expect(r.comments.allSatisfy { $0.parent == nil && $0.depth == 1 })
        // No date settles day/month order; the page's `lang="en-GB"` does.
        #expect(r.comments[0].publishedRaw == "04/03/2014 09:15")
        #expect(r.comments[0].published == "2014-03-04T09:15")
        #expect(r.commentsHosted == nil)
    }

    @Test func nestedListsGiveReplies() throws {
        let r = try extractFixture("generic-nested").record
        #expect(r.profile == "generic")
        #expect(r.comments.map(\.author) == ["Basil Crumb", "Rye Baker", "Basil Crumb", "Millie Grain"])
        #expect(r.comments.map(\.parent) == [nil, "p1", "p2", nil])
        #expect(r.comments.map(\.depth) == [1, 2, 3, 1])
        #expect(r.comments[1].text == "Same here, it is the warmest spot.")
        #expect(r.comments[3].published == "2015-01-11T13:45")
    }

    @Test func indentationGivesReplies() throws {
        let r = try extractFixture("generic-indented").record
        #expect(r.comments.map(\.author) == ["Otto Rail", "Pia Coach", "Otto Rail", "Quinn Track"])
        #expect(r.comments.map(\.depth) == [1, 2, 3, 1])
        #expect(r.comments.map(\.parent) == [nil, "p1", "p2", nil])
        #expect(r.comments[3].text == "Booked for June!")
        #expect(r.comments[0].published == "2016-03-02")
    }

    @Test func toolbarsAndHeaderUnitsStayOutOfTheText() throws {
        let r = try extractFixture("generic-toolbar").record
        #expect(r.profile == "generic")
        #expect(r.comments.map(\.author) == ["Tern Gull", "Kelp Harbour"])
        #expect(r.comments.map(\.authorURL) == ["http://example.org/people/gull", "http://example.org/people/kelp"])
        // A short comment shares one unit with its header: only the header is byline.
        #expect(r.comments[0].text == "Finally, a sensible hour.")
        #expect(r.comments[0].publishedRaw == "2 May 2013 08:10AM")
        #expect(r.comments[0].published == "2013-05-02T08:10")
        // Toolbars ("Recommend? (2)", "Report", vote icons with a count) are left out.
        #expect(r.comments[1].text.hasPrefix("The old crossing suited"))
        #expect(r.comments[1].text.hasSuffix("nobody asked the parents."))
    }

    @Test func commentTitlesAreNotTextOrNames() throws {
        let r = try extractFixture("generic-titled").record
        #expect(r.profile == "generic")
        #expect(r.comments.map(\.author) == ["Fern Loam", "Moss Clay", "Peat Humus"])
        #expect(r.comments.map(\.authorURL) == [nil, nil, "http://example.org/peat"])
        #expect(
            r.comments.map(\.text) == [
                "Does it smell in summer? Ours did until we added cardboard.",
                "Keep the lid on at night or they wander off towards the light.",
                "Shredded egg boxes are the best bedding we have tried.",
            ])
        #expect(r.comments[0].publishedRaw == "March 3, 2012")
    }

    @Test func oneCommentPerWrapperIsReadAcrossWrappers() throws {
        let r = try extractFixture("generic-wrapped").record
        #expect(r.profile == "generic")
        #expect(r.comments.map(\.author) == ["Clay Turner", "Slip Wheeler", "Bisque Fenn"])
        #expect(
            r.comments.map(\.text) == [
                "Lovely blue glaze on the second mug!", "Which kiln do you fire them in?",
                "See you at the autumn fair.",
            ])
        #expect(r.comments.allSatisfy { $0.parent == nil })
        #expect(r.comments[2].published == "2014-06-11")
    }

    @Test(arguments: ["generic-archive", "generic-sidebar", "generic-no-comments"])
    func pagesWithoutCommentsGiveNone(_ fixture: String) throws {
        let r = try extractFixture(fixture).record
        #expect(r.comments.isEmpty)
        #expect(r.profile != "generic")
        #expect(r.commentsHosted == nil)
    }

    @Test func jsonLDNestedComments() throws {
        let r = try extractFixture("jsonld-nested").record
        #expect(r.profile == "schema-org-jsonld")
        #expect(r.comments.map(\.author) == ["Tarn Walker", "Gale Pitch", "Cairn Hill"])
        #expect(r.comments.map(\.authorURL) == ["http://tarn.example/", nil, nil])
        #expect(r.comments.map(\.parent) == [nil, "p1", nil])
        #expect(r.comments.map(\.depth) == [1, 2, 1])
        #expect(r.comments.map(\.published) == ["2019-08-02T10:15", "2019-08-03T08:00", "2019-08-05"])
        #expect(r.comments[0].text == "Beeswax on the seams made mine waterproof again.")
        #expect(r.post.commentCountShown == 3)
        #expect(r.warnings.isEmpty)
    }

    @Test(arguments: [
        ("hosted-disqus", "disqus"), ("hosted-facebook", "facebook"), ("hosted-intensedebate", "intensedebate"),
    ])
    func hostedPlaceholders(_ fixture: String, _ service: String) throws {
        let r = try extractFixture(fixture).record
        #expect(r.comments.isEmpty)
        #expect(r.commentsHosted == service)
    }

    @Test func staticCopyOfHostedCommentsIsRead() throws {
        let r = try extractFixture("hosted-disqus-static").record
        #expect(r.comments.map(\.author) == ["Leaf Mould", "Worm Keeper"])
        #expect(r.comments[0].authorURL == "http://leaf.example/")
        #expect(r.comments[1].text == "Add more greens and some water.")
        #expect(r.commentsHosted == nil)
    }

    @Test func explanationNamesEveryProfileAndTheChoice() throws {
        let extractor = try ThreadExtractor(profiles: try ProfileSet.bundled())
        func explain(_ name: String) throws -> ProfileExplanation {
            let url = try #require(
                Bundle.module.url(forResource: name, withExtension: "html", subdirectory: "Fixtures"))
            let data = try Data(contentsOf: url)
            return try data.withUnsafeBytes { try extractor.explain(bytes: $0, source: SourceInfo(file: name)) }
        }
        let generic = try explain("generic-flat")
        #expect(generic.profiles.count == (try ProfileSet.bundled()).profiles.count)
        #expect(generic.profiles.allSatisfy { ($0.commentItems ?? 0) == 0 })
        #expect(generic.chosen == "generic")
        #expect(generic.genericComments == 3)
        #expect(generic.reason.contains("generic fallback: 3 blocks <div> under div#reader-comments"))

        let blogger = try explain("blogger-threaded")
        #expect(blogger.chosen == "blogger-threaded")
        #expect(blogger.platform == "blogger")
        #expect(blogger.reason.hasPrefix("most comment items: 4"))
        let trial = try #require(blogger.profiles.first { $0.name == "blogger-threaded" })
        #expect(trial.requiresPassed)
        #expect(trial.requiresHit != nil)
        #expect(trial.commentItems == 4)

        let hosted = try explain("hosted-disqus")
        #expect(hosted.hostedService == "disqus")
        #expect(hosted.chosen == nil)
        #expect(hosted.reason.contains("comments hosted by disqus"))

        let jsonLD = try explain("jsonld-nested")
        #expect(jsonLD.chosen == "schema-org-jsonld")
        #expect(jsonLD.jsonLDComments == 3)
    }
}
