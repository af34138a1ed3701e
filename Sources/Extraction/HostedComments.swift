import Markup

/// Comment services that load a post's comments by script, so an archived page holds
/// only their placeholder. A service is tested by byte strings first (cheap, on the
/// raw page) and confirmed by XPath on the parsed page (a placeholder element or the
/// loader script, not a mere mention in the text).
struct HostedComments {
    struct Service {
        /// The value written to `ThreadRecord.commentsHosted`.
        let name: String
        let needles: [String]
        let confirm: XPathExpression
    }

    let services: [Service]

    init() {
        func script(_ fragment: String) -> String {
            "//script[contains(@src,'\(fragment)') or contains(.,'\(fragment)')]"
        }
        let table: [(String, [String], String)] = [
            (
                "disqus", ["disqus"],
                "//*[@id='disqus_thread'] | " + script("disqus.com/embed.js")
            ),
            (
                "facebook", ["fb-comments", "fb:comments"],
                "//*[contains(concat(' ',normalize-space(@class),' '),' fb-comments ')] | //*[name()='fb:comments']"
            ),
            (
                "intensedebate", ["intensedebate"],
                "//*[@id='idc-container'] | " + script("intensedebate.com/js")
            ),
            (
                "livefyre", ["livefyre"],
                "//*[@id='livefyre' or @id='livefyre-comments' or @id='lf_comments'] | " + script("livefyre.com")
            ),
            ("commento", ["commento"], "//*[@id='commento'] | " + script("commento.io/js")),
            ("hyvor", ["hyvor"], "//*[@id='hyvor-talk-view'] | //hyvor-talk-comments | " + script("talk.hyvor.com")),
            ("utterances", ["utteranc.es"], script("utteranc.es/client.js")),
            ("giscus", ["giscus"], "//*[contains(@class,'giscus')] | " + script("giscus.app/client.js")),
            ("isso", ["isso-thread"], "//*[@id='isso-thread']"),
            ("remark42", ["remark42"], "//*[@id='remark42'] | " + script("remark42")),
            ("vuukle", ["vuukle"], "//*[@id='vuukle-comments'] | " + script("vuukle.com")),
            ("spotim", ["spot.im"], "//*[@data-spotim-module] | " + script("launcher.spot.im")),
            ("haloscan", ["haloscan"], script("haloscan.com")),
            ("js-kit", ["js-kit"], "//*[contains(@class,'js-kit-comments')] | " + script("js-kit.com")),
        ]
        // Fixed expressions: a failure is a bug here, not bad input.
        services = table.map { name, needles, xpath in
            Service(name: name, needles: needles, confirm: try! XPathExpression(Query.optimized(xpath)))
        }
    }

    /// The services with a byte string the page holds (`pageHolds` answers `true` for
    /// every string when the page cannot be searched as bytes).
    func candidates(where pageHolds: (String) -> Bool) -> [Int] {
        services.indices.filter { i in services[i].needles.contains(where: pageHolds) }
    }

    /// The first candidate whose placeholder or loader is in the page.
    func confirmed(_ candidates: [Int], in document: HTMLDocument) -> String? {
        candidates.lazy.map { self.services[$0] }.first { !document.nodes($0.confirm).isEmpty }?.name
    }
}
