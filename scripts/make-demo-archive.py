#!/usr/bin/env python3
"""Generate the threadminer demo archive and its ground truth.

Writes a small, entirely fictional archive that looks like a wget mirror of
three blogs on two platforms:

    notebooks-data/demo-archive/<host>/<yyyy>/<mm>/<slug>.html
    notebooks-data/demo-expected.json

and, beside the pages, two archive files of the same blogs with their ground truth:

    notebooks-data/demo-archive/warc/influencewatch-captures.warc.gz
    notebooks-data/demo-expected-captures.json
    notebooks-data/demo-archive/exports/engagementlab.wordpress.2012-12-01.xml
    notebooks-data/demo-expected-export.json

* socialscoreblog.blogspot.com   Blogger classic template (2007-2009), flat comments
* influencewatch.blogspot.com    Blogger layout template, threaded comments (2012-2014)
* engagementlab.example.org      WordPress, twentyeleven threaded comments (2011-2012)

Every blog, person, post and comment is invented here; nothing is copied from a
real page.  The script uses only the Python standard library and is
deterministic: the same bytes on every run (no clock, one random.Random(2011) for
the pages, then one random.Random(2013) for the WARC and the export, so that adding
to those never changes a page).

Usage:  python3 scripts/make-demo-archive.py [--out DIR] [--expected FILE]
                                            [--expected-captures FILE] [--expected-export FILE]
"""

import argparse
import base64
import datetime as dt
import gzip
import hashlib
import html
import json
import random
import re
import shutil
import struct
import unicodedata
import uuid
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "notebooks-data" / "demo-archive"
DEFAULT_EXPECTED = ROOT / "notebooks-data" / "demo-expected.json"

ADMIN_REMOVED = "This comment has been removed by a blog administrator."
AUTHOR_REMOVED = "This comment has been removed by the author."
AWAITING = "Your comment is awaiting moderation."

rng = random.Random(2011)

# ---------------------------------------------------------------------------
# Content DSL
# ---------------------------------------------------------------------------
# Comment text: paragraphs separated by "\n".  Inline markup:
#   [[link text|http://url]]  -> a link (visible text is "link text")
#   *words*                   -> emphasis (visible text is "words")


def C(who, text, *replies, key=None, copy=None, spam=None, gap=None):
    """A visible comment.  copy=<key> makes it a verbatim copy of that comment."""
    return {"kind": "comment", "who": who, "text": text, "replies": list(replies),
            "status": "visible", "key": key, "copy": copy, "spam": spam, "gap": gap}


def RA(who, *replies, gap=None):
    """A comment removed by a blog administrator (Blogger placeholder)."""
    c = C(who, ADMIN_REMOVED, *replies, gap=gap)
    c["status"] = "removed_by_admin"
    return c


def RU(who, *replies, gap=None):
    """A comment removed by its author (Blogger placeholder)."""
    c = C(who, AUTHOR_REMOVED, *replies, gap=gap)
    c["status"] = "removed_by_author"
    return c


def PENDING(who, text, *replies, gap=None):
    """A WordPress comment held for moderation (shown to its author only)."""
    c = C(who, text, *replies, gap=gap)
    c["status"] = "pending"
    return c


def PB(url, title, gap=None):
    """A WordPress pingback among the top-level items."""
    return {"kind": "pingback", "url": url, "title": title, "gap": gap}


def POST(when, slug, title, body, comments=(), author=None, labels=(),
         time_only=False, closed=False):
    return {"when": dt.datetime.strptime(when, "%Y-%m-%d %H:%M"), "slug": slug,
            "title": title, "body": body, "comments": list(comments),
            "author": author, "labels": list(labels), "time_only": time_only,
            "closed": closed}


# ---------------------------------------------------------------------------
# Blog 1: Blogger classic, flat comments
# ---------------------------------------------------------------------------

SSB_PEOPLE = {
    "dana": {"name": "Dana Whitfield", "url": "profile"},
    "marcus": {"name": "Marcus Hale", "url": "profile"},
    "jen": {"name": "Jen Okafor", "url": "http://jenokafor.example.com/"},
    "anon": {"name": "Anonymous", "url": None},
    "phil": {"name": "Phil Brook", "url": "profile"},
    "lisa": {"name": "Lisa Tran", "url": "http://www.listenfirst.example.net/"},
    "greg": {"name": "Greg Sandoval", "url": "profile"},
    "nadia": {"name": "Nadia", "url": "profile"},
    "tom": {"name": "Tom K.", "url": None},
    "hiroshi": {"name": "Hiroshi Ando", "url": "http://ando-notes.example.org/"},
    "bea": {"name": "Béatrice Lamarre", "url": "profile"},
    "carl": {"name": "Carl Jensen", "url": "profile"},
    "rosa": {"name": "Rosa Lindqvist", "url": "profile"},
    "watches": {"name": "watch deals", "url": "http://www.replica-watch-outlet.example.com/"},
}

SSB_POSTS = [
    POST("2007-03-14 09:42", "why-i-started-counting-links", "Why I started counting links", [
        "For about six months I have kept a spreadsheet of every blog that links to this one. "
        "It started as vanity, honestly. I wanted to know whether anybody out there was reading.",
        "What I found surprised me. The links that sent the most readers were not from the big names. "
        "They came from three or four small blogs whose owners actually talk to their commenters.",
        "So this blog is going to be about that: how we measure who matters online, and why the "
        "numbers we reach for first are usually the wrong ones.",
    ], labels=["meta"], comments=[
        C("marcus", "Welcome to the club. I have a spreadsheet like that too, although mine stopped "
                    "being useful once it passed a few hundred rows.\nLooking forward to reading more."),
        C("jen", "The part about small blogs rings true. My best referral last year was a knitting blog, "
                 "of all places, that linked to a post about community guidelines."),
        C("dana", "@Marcus: a few hundred rows is the dream! Mine has 41.\n@Jen: I love that. The knitting "
                  "people are the most engaged readers on the internet."),
        C("anon", "Isn't this just PageRank with extra steps?"),
        C("dana", "Sort of, Anonymous, but PageRank doesn't care whether anyone clicks. I do."),
    ]),
    POST("2007-06-02 21:15", "your-blogroll-is-not-a-popularity-contest",
         "Your blogroll is not a popularity contest", [
        "Every few weeks somebody emails to ask if I will add them to my blogroll if they add me to "
        "theirs. I always say no, and I want to explain why without sounding like a snob.",
        "A blogroll is a recommendation. When I list a blog over there on the right, I am telling you "
        "I read it and think you should too. If I trade links, that list stops meaning anything, to you "
        "or to the search engines.",
        "That said, I do go and read every blog whose owner writes to me. A few of them have ended up "
        "in the sidebar on their own merits.",
    ], labels=["blogging", "links"], comments=[
        C("phil", "Agreed completely. Link exchanges feel like the chain letters of blogging."),
        C("lisa", "I think there is a middle ground. When I started out, a couple of link swaps with "
                  "people writing about the same things helped me find my first readers. Not all of them "
                  "were cynical."),
        C("greg", "Lisa has a point, but the emails Dana is describing are usually from sites that have "
                  "nothing to do with the topic. I get them for my cooking blog from car insurance sites."),
        C("anon", "Car insurance and cooking, the perfect pairing."),
        C("dana", "@Lisa, I agree that swaps between people who genuinely read each other are fine. "
                  "It's the form letters I can't stand.\nAnd Greg, I now want to know what the car "
                  "insurance people think about risotto."),
        C("nadia", "I removed my blogroll entirely last year. Nobody noticed, which told me something "
                   "about how much it was worth."),
        C("tom", "I actually click on blogrolls a lot. It's how I find new things to read. Please don't "
                 "get rid of yours!"),
        C("lisa", "Tom, same here. Half my feed reader came from other people's sidebars."),
    ]),
    POST("2007-09-19 07:30", "a-score-for-everything", "A score for everything", [
        "A new service launched this week that promises to rate every blogger on a scale from one to "
        "a hundred. You type in your address, it thinks for a few seconds, and then it tells you that "
        "you are a 34.",
        "I am not going to link to it. I typed my address in three times and got three different "
        "numbers, which tells you most of what you need to know.",
        "Still, I suspect this is the start of something. People love a number, especially a number "
        "they can put in their sidebar.",
    ], labels=["scores"]),
    POST("2007-12-08 13:05", "the-problem-with-authority-rankings", "The problem with authority rankings", [
        "The blog search engines all publish some version of an authority ranking now. Mostly it comes "
        "down to how many distinct blogs have linked to you in the last six months.",
        "That sounds reasonable until you notice what it rewards. A post that makes a lot of people "
        "angry will collect more links than a post that quietly helps a lot of people. Outrage is very "
        "good for your authority.",
        "I don't have a better formula. But I think we should be honest that these rankings measure "
        "attention, and attention is not the same thing as influence.",
        "What would you measure instead?",
    ], labels=["scores", "links"], comments=[
        C("marcus", "I would measure how often people come back. One visit from a link is easy. A reader "
                    "who shows up every week for a year is the real thing."),
        C("hiroshi", "Return visits are hard to see from the outside, though. Any public ranking can only "
                     "use public signals, and links are the most public signal there is."),
        C("jen", "Comments might be a better signal than links. Somebody who takes the time to write "
                 "three paragraphs under your post has been influenced, at least a little."),
        RA("greg"),
        C("dana", "Jen, I keep coming back to comments too. The trouble is that they're easy to fake, "
                  "as the comment I just deleted demonstrates."),
        C("bea", "In France we have the same debate about the blog rankings in the newspapers. The top "
                 "of the list is always the same ten people shouting at each other."),
        C("watches", "Buy cheap replica watches online! Top quality Swiss-style replicas at 80% off, "
                     "free shipping worldwide. Visit [[Replica Watch Outlet|http://www.replica-watch-outlet."
                     "example.com/]] today & save!", spam="commercial"),
        C("anon", "Attention is influence. If people are paying attention to you, you can change what "
                  "they think. I don't see the difference."),
        C("carl", "The difference, Anonymous, is whether they act on it. Plenty of people read a "
                  "columnist every day specifically so they can disagree with him."),
        RU("phil"),
        C("phil", "Sorry, posted that before my coffee and it came out wrong. What I meant was: links "
                  "decay. A ranking should weight a link from last week more than one from last spring.",
          gap=6),
        C("dana", "Phil, I think most of them do weight recent links, but they don't tell you how. Which "
                  "is part of my complaint: if you can't see the formula, you can't argue with it."),
    ]),
    POST("2008-02-21 10:20", "do-comments-count-as-influence", "Do comments count as influence?", [
        "Following on from the discussion in December, I spent some time looking at whether the number "
        "of comments a blog gets says anything about how influential it is.",
        "The short answer is: a little. Blogs with more comments do tend to get linked more. But the "
        "relationship falls apart at the top. Some of the most linked blogs in my sample have comments "
        "switched off entirely.",
        "I suspect comments measure something different: not reach, but community. A blog with forty "
        "regular commenters is a small town. A blog with forty thousand readers and no comments is a "
        "billboard.",
    ], labels=["comments", "scores"], time_only=True, comments=[
        C("jen", "Small town versus billboard is a lovely way to put it. I'm stealing that for a talk "
                 "next month, with credit.", gap=35),
        C("marcus", "Did you control for topic? Political blogs get enormous comment threads no matter "
                    "how big they are.", gap=190),
        C("dana", "Marcus, not properly, no. Politics and gadgets were both overrepresented. I'd like to "
                  "redo it with a cleaner sample in the summer.", gap=410),
        C("anon", "Comments switched off = the blogger doesn't care what readers think. That should "
                  "count against them.", gap=1300),
        C("lisa", "Not always. Some of us switched them off because moderating a thousand spam comments "
                  "a day was eating our evenings. I'd love to have them back.", gap=95),
        C("nadia", "Lisa, have you tried the word verification thing? It cut my spam to almost nothing.",
          gap=1710),
    ]),
    POST("2008-05-10 16:45", "moderating-without-losing-your-mind", "Moderating without losing your mind", [
        "A few people asked after Lisa's comment in February how I deal with spam and the occasional "
        "troll here. Here is the whole policy, such as it is.",
        "I read every comment. I delete spam without a second thought. I delete personal attacks on "
        "other commenters. I do not delete people for disagreeing with me, even rudely, because a "
        "comment section where everybody agrees is a very boring place.",
        "When I remove something, Blogger leaves a little note saying so. I like that. It tells everyone "
        "that a comment was there and that somebody made a decision about it.",
    ], labels=["comments", "moderation"], comments=[
        C("carl", "The little note is underrated. It's much better than comments silently vanishing, "
                  "which makes people think you're hiding something."),
        RU("hiroshi"),
        C("tom", "Do you ever regret a deletion? I once removed a comment I thought was spam and it "
                 "turned out to be from my cousin."),
    ]),
    POST("2008-07-23 08:11", "the-influence-score-arrives", "The influence score arrives", [
        "It finally happened. A startup has launched a score that claims to measure your influence "
        "across blogs and the new social networks all at once, and people in my corner of the internet "
        "are already comparing numbers.",
        "I signed up to see what it does. It wants access to my accounts, it counts my followers and "
        "the replies I get, and it produces a single number with one decimal place. The decimal place "
        "is a nice touch. It makes the whole thing look scientific.",
        "Here is my worry. Once a number exists, people start to manage it. We will see bloggers "
        "writing for the score instead of for their readers, the same way some people already write "
        "for the search engines.",
        "But I will admit I checked mine twice yesterday.",
    ], labels=["scores"], time_only=True, comments=[
        C("marcus", "Checked mine four times. It went down by 0.3 overnight and I have no idea why. This "
                    "is going to be a very unhealthy relationship.", gap=134),
        C("rosa", "I'm a researcher and I've been looking at these scores for a project. The thing nobody "
                  "asks is what the number predicts.\nIf a high score doesn't mean your readers do "
                  "anything differently, what is it for?", gap=220),
        C("dana", "Rosa, that's exactly the right question. Have you found anything yet?", gap=61),
        C("rosa", "Early days. So far the score mostly predicts how much time you spend online. Which I "
                  "suppose is a kind of influence.", gap=745),
        C("anon", "These things are a fad. Remember when everyone had a hit counter on their front page?",
          gap=38),
        C("greg", "I still have my hit counter! It says 48,211. I'm very proud of it.", gap=300),
        C("jen", "I worry less about bloggers gaming it and more about employers using it. Imagine a job "
                 "application asking for your score.", gap=1520),
        C("dana", "Jen, that would be dystopian. Nobody would actually do that, surely.", gap=45),
        C("hiroshi", "Give it three years.", gap=2900),
    ]),
    POST("2008-10-04 19:30", "what-a-follower-is-worth", "What a follower is worth", [
        "A marketing agency offered me forty dollars to mention a product to my readers. When I asked "
        "how they came up with that number, they said they had calculated the value of each of my "
        "subscribers at about eight cents.",
        "I said no, but the eight cents stayed with me. Somewhere there is a spreadsheet that says what "
        "each of you is worth to an advertiser, and it was made without asking any of you.",
    ], labels=["money"], comments=[
        C("phil", "Eight cents seems high, honestly. I'd have guessed two."),
        C("bea", "The agencies call me every month now. I say yes to the ones that send books, because I "
                 "would write about the books anyway.\nIs that selling out? I am honestly not sure."),
        C("dana", "Béatrice, I think if you would have written the post anyway and you say where the book "
                  "came from, you're fine. It's the undisclosed stuff that bothers me."),
        C("anon", "Paid posts should be labeled. Full stop."),
    ]),
    POST("2009-01-17 11:00", "scoring-the-scorers", "Scoring the scorers", [
        "I spent the holidays doing something slightly silly: I took twenty bloggers I know reasonably "
        "well and compared their influence scores with my own gut feeling about how much they affect "
        "what other people do.",
        "The results were not encouraging. The score ranked a prolific link-sharer at the top and a "
        "woman whose posts regularly change policy at her city council near the bottom. She barely uses "
        "the social networks, so as far as the score is concerned she barely exists.",
        "A measure that only sees what happens on its own platform is not measuring influence. It is "
        "measuring activity on that platform.",
    ], labels=["scores", "research"], time_only=True, comments=[
        C("rosa", "This matches what I'm seeing with a bigger sample. The correlation between the scores "
                  "and any offline outcome I can find is weak. I'll write it up properly in the spring.",
          gap=75),
        C("marcus", "To be fair to the score, your gut feeling isn't exactly a gold standard either.",
          gap=520),
        C("dana", "Fair! I said it was slightly silly. But I'd trust my gut over a formula that can't see "
                  "a city council meeting.", gap=710),
        C("tom", "Who's the city council woman? She sounds worth reading.", gap=88),
        C("dana", "Tom, she asked me not to link to her, for exactly the reason in the post. She likes "
                  "being under the radar.", gap=1250),
        C("carl", "There's an irony in that. The most influential person in your sample is influential "
                  "partly because nobody is scoring her.", gap=1975),
        C("anon", "Great post. Forwarded it to my whole team.", gap=4410),
    ]),
    POST("2009-04-29 20:05", "a-year-of-watching-the-numbers", "A year of watching the numbers", [
        "This blog turns two soon, and I've now spent about a year watching the new influence scores "
        "rise and fall. My own has gone from 31 to 52 without anything about this blog changing, other "
        "than that I joined two more networks.",
        "I am going to stop checking it. I will keep writing about these scores, because I think they "
        "are going to matter more, not less. But I would rather spend the time reading your comments, "
        "which tell me far more than any score does.",
        "Thank you for all of them, even the grumpy ones. Especially the grumpy ones.",
    ], labels=["meta", "scores"], comments=[
        C("jen", "Happy blogiversary! Still my favourite small town on the internet."),
        C("rosa", "Congratulations, Dana. And thank you for the push. I've started my own blog about "
                  "this stuff; I'll send you the link when there's more than one post on it."),
    ]),
]

# ---------------------------------------------------------------------------
# Blog 2: Blogger layout template, threaded comments (one level of replies)
# ---------------------------------------------------------------------------

IW_PEOPLE = {
    "rosa": {"name": "Rosa Lindqvist", "url": "profile"},
    "marcus": {"name": "Marcus Hale", "url": "profile"},
    "dana": {"name": "Dana Whitfield", "url": "http://socialscoreblog.blogspot.com/"},
    "anon": {"name": "Anonymous", "url": None},
    "aisha": {"name": "Aisha Rahman", "url": "profile"},
    "kyle": {"name": "Kyle Bennett", "url": "http://kylebennett.example.com/"},
    "meilin": {"name": "Mei-Lin Cho", "url": "profile"},
    "sam": {"name": "Sam Oduya", "url": "http://pixelsandpeople.example.net/"},
    "joaquin": {"name": "Joaquín Ferrer", "url": "profile"},
    "hannah": {"name": "Hannah Vogt", "url": "profile"},
    "ben": {"name": "Ben Adair", "url": None},
    "priya": {"name": "Priya Natarajan", "url": "http://engagementlab.example.org/"},
    "growth": {"name": "GrowthHacker Pro", "url": "http://www.buy-followers-fast.example.com/"},
    "olivia": {"name": "Olivia Grant", "url": "http://www.best-seo-packages.example.com/"},
}

IW_POSTS = [
    POST("2012-02-08 09:15", "why-im-writing-about-influence-scores", "Why I'm writing about influence scores", [
        "Some of you know me from the comment threads over at Dana Whitfield's blog, where I've been "
        "muttering about influence scores since 2008. Dana finally told me to get my own blog and stop "
        "filling up hers.",
        "I'm a sociologist. For the last four years I've been collecting public influence scores for a "
        "few thousand accounts and trying to find out what, if anything, they predict. This blog is "
        "where the notes go.",
        "Expect charts, half-finished ideas and the occasional rant. Comments are open and I will "
        "answer them.",
    ], labels=["meta"], comments=[
        C("marcus", "Finally! I've been waiting for this since Dana's blogiversary post.",
          C("rosa", "Marcus, you were the first person I thought of when I hit publish. Thanks for "
                    "following me across.")),
        C("dana", "Welcome to the neighbourhood, Rosa. I'll expect the charts weekly.",
          C("rosa", "Weekly might be ambitious. Monthly, with apologies.")),
        C("anon", "What's the sample? Random accounts or people who signed up for the scores themselves?",
          C("rosa", "Good question. About two thirds opted in, the rest I collected from public follower "
                    "lists.\nI'll write a whole post about the sampling problem, because it's a real one."),
          C("anon", "Looking forward to it.")),
    ]),
    POST("2012-05-21 20:40", "the-sampling-problem", "The sampling problem", [
        "As promised, a post about where my data comes from and why you should be suspicious of it.",
        "Most of the accounts in my sample signed up for a scoring service on purpose. People who do "
        "that are not typical. They care about their numbers, they post more, and they are much more "
        "likely to work in marketing. Any pattern I find among them may simply be a pattern among "
        "people who like being measured.",
        "The other third I collected by walking public follower lists. They are a bit more ordinary, "
        "but they are still people with public accounts, which leaves out everyone who reads and never "
        "posts.",
        "I don't have a clean fix. What I can do is report results separately for the two groups, and "
        "be loud when they disagree.",
    ], labels=["methods"], comments=[
        C("aisha", "This is refreshingly honest. Most of the vendor white papers I've read don't mention "
                   "sampling at all.",
          C("rosa", "Aisha, the vendor papers are a genre unto themselves. I have a folder of them."),
          C("kyle", "Would love to see that folder turned into a post.")),
        C("meilin", "The lurkers are the big gap for me. In my community forum, about 90% of members have "
                    "never posted. They still vote, they still buy things. None of that shows up.",
          C("rosa", "Yes. The 90-9-1 rule, more or less. Any score built on posts is a score of the 10%."),
          RA("sam")),
        C("joaquin", "Could you weight the opt-in group down to match the follower-list group on a few "
                     "observable things, like posting frequency? It won't fix everything but it would help.",
          C("rosa", "That's the plan for the next round. I'm a bit wary of weighting on posting frequency "
                    "because it's so close to what the score measures, but I'll try a few versions.")),
        C("anon", "Honestly, who cares about the lurkers? If they don't post they don't influence anyone.",
          C("meilin", "They influence their friends and families offline, which is most of the influence "
                      "that matters, I'd argue."),
          C("hannah", "Agree with Mei-Lin. My mother has never posted anything online and she decides what "
                      "half my family buys.")),
    ]),
    POST("2012-09-14 22:05", "conference-notes-briefly", "Conference notes, briefly", [
        "I spent the week at a conference on computational social science, and three separate talks "
        "used influence scores as if they were ground truth. Nobody asked how the scores were built.",
        "I asked, twice. The answers were \"the vendor says\" and \"everyone uses them\". I'll write "
        "more when I've slept.",
    ], labels=["conferences"]),
    POST("2013-01-30 07:50", "your-score-is-a-moving-target", "Your score is a moving target", [
        "I pulled the scores for the same 2,400 accounts on the first of every month for a year. The "
        "median account moved by eleven points over that time without, as far as I can tell, doing "
        "anything differently.",
        "Some of the movement is seasonal. Everybody's score dips in August and again at the end of "
        "December, when people stop posting. But a lot of it lines up with the dates the vendor changed "
        "its formula, which it does without announcement.",
        "If you're using one of these scores to decide anything, like who to invite to an event or which "
        "employee gets a social-media budget, you are partly making that decision based on the vendor's "
        "release schedule.",
    ], labels=["methods", "scores"], comments=[
        C("hannah", "Eleven points on a hundred-point scale is enormous. That's the difference between "
                    "\"influencer\" and \"nobody\" in most of the marketing decks I see.",
          C("rosa", "It is. And the marketing decks rarely say which month the scores were pulled."),
          key="hannah-decks"),
        RA("growth",
           C("marcus", "Whatever that was, it was quick. I'm glad it's gone."),
           C("rosa", "Sorry everyone. It was an advertisement for buying followers, and I don't let those "
                     "stay up.")),
        C("kyle", "Do you know if the formula changes are announced anywhere, even quietly? A changelog "
                  "or a forum post?",
          C("rosa", "Not that I've found. I infer them from jumps that hit every account on the same day."),
          C("anon", "There's a developer forum where they sometimes mention it after the fact. Not always, "
                    "though.")),
        C("joaquin", "This is the thing I keep telling my clients. The score is a product and products have "
                     "release cycles. Treat it like a weather report, not a measurement.",
          C("olivia", "", copy="hannah-decks", spam="copy"),
          C("joaquin", "Olivia, that's word for word what Hannah wrote above. Nice try.")),
        RU("aisha"),
        C("aisha", "Deleted my last one because I misread the chart. Reposting: the August dip is much "
                   "bigger for the opt-in group than for the follower-list group, right?\nThat would make "
                   "sense if the opt-in people are mostly professionals on holiday.",
          C("rosa", "Exactly right, Aisha. The dip is about twice as deep for the opt-in group."), gap=9),
    ]),
    POST("2013-04-11 12:30", "scores-in-job-applications", "Scores in job applications", [
        "Remember Jen's comment on Dana's blog back in 2008, the one about employers asking for your "
        "score? A reader sent me a job listing this week that asks applicants to \"include your social "
        "influence score\". It's for a community manager role.",
        "I understand the temptation. If you are hiring someone to build an audience, you want evidence "
        "that they can. But the score measures their personal accounts, not their ability to build a "
        "community for somebody else, and the two can be very different.",
    ], labels=["work", "scores"], comments=[
        C("dana", "I remember! And I remember saying \"nobody would actually do that, surely.\" I'd like to "
                  "formally retract.",
          C("rosa", "Hiroshi called it. Three years almost to the day.")),
        C("ben", "I'm a community manager and I'd refuse to apply to that. My personal accounts are tiny on "
                 "purpose."),
        C("anon", "It's a filter. They have 500 applicants and need a quick way to cut the list. The score "
                  "is as good as anything.",
          C("hannah", "As good as anything, including a coin flip?")),
    ]),
    POST("2013-10-06 09:15", "what-the-vendors-told-me", "What the vendors told me", [
        "Over the summer I interviewed people at four companies that sell influence scores. I promised "
        "them anonymity, so no names, but I can share some of what they said.",
        "All four told me their scores were \"directional\", which I took to mean: please don't hold us "
        "to any specific number. Three of the four said the biggest single input was how often other "
        "people reply to or share your posts. None of them would tell me how the inputs are weighted.",
        "One person said something that has stuck with me: \"Our customers don't want accuracy. They "
        "want a ranked list.\" I think that is the most honest description of the industry I've heard.",
    ], labels=["vendors", "interviews"], comments=[
        C("aisha", "\"They want a ranked list\" is going straight onto a slide."),
        C("meilin", "Did any of them talk about fake accounts? Replies from bots must inflate the numbers "
                    "a lot.",
          C("rosa", "Two of them did. Both said they filter bots, and both declined to say how well the "
                    "filter works. Make of that what you will."),
          C("sam", "From what I've seen, not very well. I ran a test account that only got replies from "
                   "obvious bots and it reached the top 20% in a month."),
          C("rosa", "Sam, would you be willing to write that up? I'd love to link to it.")),
        RU("kyle"),
        C("priya", "We ran into the same wall when we tried to compare scores with actual engagement on "
                   "our community site. Comment activity and the scores barely agree.\nHappy to share our "
                   "numbers if useful.",
          C("rosa", "Priya, yes please! I'll email you.")),
        C("anon", "Directional = made up. \U0001F642"),
    ]),
    POST("2014-01-19 18:20", "a-year-without-checking", "A year without checking", [
        "Dana stopped checking her own score in 2009 and told me it was the best blogging decision she "
        "ever made. I finally followed her lead last January, and I want to report back.",
        "I didn't miss it. I did notice that I wrote more about things I actually cared about and less "
        "about things that I knew would get shared. My traffic dropped a little. My comment threads got "
        "longer.",
    ], labels=["meta", "scores"], comments=[
        C("dana", "Welcome to the other side! The comment threads getting longer is exactly what happened "
                  "to me."),
        C("joaquin", "I can't stop checking mine. It's part of my job, sadly. But I've stopped reporting it "
                     "to clients unless they ask.",
          C("rosa", "That seems like a reasonable compromise, Joaquín.")),
        C("ben", "Longer threads and lower traffic is a trade I'd take every time."),
        C("anon", "What happened to your score though? Did it go down?",
          C("rosa", "I genuinely don't know, which is the point! But fine: I'll look once, for science, "
                    "and report in the next post.")),
    ]),
    POST("2014-03-03 08:00", "for-science-the-number", "For science: the number", [
        "As promised to Anonymous in the last thread: I looked. My score went up by four points in the "
        "year I stopped checking it.",
        "I have no explanation, and I'm not going to look again.",
    ], labels=["scores"], comments=[
        C("hannah", "This is the best possible outcome. The score is indifferent to your attention.",
          C("marcus", "Four points! Clearly the secret is to ignore it.")),
        C("anon", "Ha! Love it."),
    ]),
    POST("2014-06-25 14:10", "comment-sections-are-data-too", "Comment sections are data too", [
        "Most of the work on influence looks at follower graphs. I've become more interested in comment "
        "threads, because they show people actually responding to each other, in their own words, in "
        "order.",
        "The trouble is getting at them. Blog platforms have changed their comment markup many times, "
        "archived copies are full of removed comments and spam, and the same conversation can be split "
        "across several pages. I'm working with a couple of people on tools to pull clean threads out of "
        "old archives.",
        "If you have an old blog with an active comment section and you'd be willing to let us look at "
        "it, please get in touch.",
    ], labels=["methods", "comments"], comments=[
        C("priya", "Count us in. Our archive goes back to 2011 and has plenty of mess in it, including a "
                   "stretch where the server was sending the wrong character encoding.\nThere are also a few "
                   "pages where a plugin ate half the thread. We never worked out why.\nHappy to send the "
                   "whole lot over, broken bits included.",
          C("rosa", "Perfect, the mess is what we need. Encoding problems especially.")),
        C("meilin", "How do you deal with comments that were deleted? Do they count as part of the "
                    "conversation?",
          C("rosa", "We keep them as placeholders, in their place in the thread. Somebody said something "
                    "there, and the replies often only make sense if you know that."),
          C("meilin", "That makes sense. Some of the most interesting threads on my forum are the ones "
                      "where a moderator stepped in.")),
        C("sam", "I have an old blog from 2006 to 2010 with thousands of comments, most of them about video "
                 "games. Would that be useful?",
          C("rosa", "Sam, absolutely. Video game communities were some of the most active commenters of "
                    "that era.")),
        C("kyle", "Will the tools be open source?"),
    ]),
    POST("2014-11-12 10:45", "wrapping-up", "Wrapping up", [
        "This will be the last regular post here for a while. The research project is finished, the "
        "paper is under review, and the short version of the conclusion is this: the scores we studied "
        "predict how active you are on the platforms they watch, and very little else.",
        "Thank you to everyone who argued with me in these threads. Several of your comments ended up in "
        "the paper, credited, and a couple of them changed my mind.",
    ], labels=["meta"], comments=[
        C("dana", "Congratulations, Rosa. It's been a joy to watch this grow from comments on my blog into "
                  "an actual paper.",
          C("rosa", "It literally started in your comment section, Dana. Thank you.")),
        C("aisha", "Please post a link to the paper when it's out!"),
        C("marcus", "Well done. I'll miss the charts."),
    ]),
]

# ---------------------------------------------------------------------------
# Blog 3: WordPress (twentyeleven), threaded up to depth 3, pingbacks
# ---------------------------------------------------------------------------

EL_HOST = "engagementlab.example.org"
EL_PEOPLE = {
    "priya": {"name": "Priya Natarajan", "url": "http://engagementlab.example.org/", "user": "priya"},
    "owen": {"name": "Owen Mercer", "url": "http://engagementlab.example.org/", "user": "owen"},
    "dana": {"name": "Dana Whitfield", "url": "http://socialscoreblog.blogspot.com/"},
    "luis": {"name": "Luis Moreno", "url": "http://luismoreno.example.com/"},
    "kate": {"name": "Kate Ferris", "url": None},
    "amara": {"name": "Amara Osei", "url": "http://librarycommons.example.org/blog/"},
    "jrh": {"name": "jrh", "url": None},
    "felix": {"name": "Felix Baumann", "url": "http://felixbaumann.example.com/"},
    "sophie": {"name": "Sophie Lang", "url": "http://sophielang.example.net/"},
    "robt": {"name": "Rob T", "url": None},
    "maya": {"name": "Maya Castellanos", "url": "http://www.mayacastellanos.example.com/"},
    "grant": {"name": "Grant Whitaker", "url": "http://grantwhitaker.example.com/"},
    "elodie": {"name": "Élodie Marchand", "url": "http://elodie-moderation.example.com/"},
    "seo": {"name": "Cheap SEO Backlinks", "url": "http://www.cheap-seo-backlinks.example.com/"},
    "jessica": {"name": "Jessica Miller", "url": "http://www.discount-handbags.example.net/"},
}
EL_AUTHORS = {"priya": "Priya Natarajan", "owen": "Owen Mercer"}

EL_POSTS = [
    POST("2011-02-14 10:30", "welcome-to-engagement-lab", "Welcome to Engagement Lab", [
        "Engagement Lab is the blog of a small team that runs community sites for a few nonprofits. We "
        "spend our days reading comments, answering comments, and occasionally deleting comments, and "
        "we've collected a lot of opinions about all three.",
        "Here we'll write about what we learn: what makes people join a conversation, what makes them "
        "leave, and what the numbers can and can't tell you about either.",
    ], author="priya", labels=["News"], comments=[
        C("dana", "Welcome! Always glad to see more people writing about comment sections as communities "
                  "rather than as a problem to be managed.",
          C("priya", "Thanks, Dana. Your blog was a big part of why we started this one.")),
        C("luis", "Looking forward to it. Are you going to share actual numbers from the sites you run?",
          C("owen", "Where we can, yes. Some of our partners are fine with it, some aren't. We'll always "
                    "say which.",
            C("luis", "Fair enough. Even ranges would be useful."))),
        C("kate", "Subscribed."),
    ]),
    POST("2011-04-03 08:45", "the-first-comment-problem", "The first comment problem", [
        "Every community manager knows this one. A post with no comments tends to stay that way, and a "
        "post with one good comment tends to get more. Nobody wants to be the first person to speak in "
        "an empty room.",
        "We tried an experiment on one of our partner sites last month. On half of the new posts, a staff "
        "member left a genuine question in the comments within an hour of publishing. On the other half, "
        "we did nothing.",
        "The posts with a staff question got about two and a half times as many reader comments over the "
        "following week. The effect was biggest for posts on dull topics, which I find both encouraging "
        "and slightly depressing.",
    ], author="owen", labels=["Experiments"], comments=[
        C("amara", "Did the staff question have to be a question? I'd be curious whether a staff comment "
                   "that just adds information works as well.",
          C("owen", "Good thought. We only tested questions. My hunch is that questions work better because "
                    "they give people something specific to answer, but I'd like to test it.",
            C("amara", "Let me know if you do. We might try it on our library blog."))),
        C("jrh", "Isn't this a bit manipulative? Readers assume the first comment comes from a reader.",
          C("priya", "We thought about that. The staff comments were signed with a staff badge, so nobody "
                     "was misled about who was asking.",
            C("jrh", "OK, that's fair. The badge makes a difference."))),
        C("felix", "We saw almost the same effect on a German-language forum, about double. Nice to see it "
                   "replicated."),
        PB("http://civicthreads.example.com/{date}/first-comment/",
           "Three ways to get the first comment | Civic Threads"),
        C("sophie", "The dull topics result makes sense to me. An interesting post already invites comments; "
                    "a dull one needs someone to open the door.",
          C("owen", "Sophie, that's a much better way of putting it than mine.")),
    ]),
    POST("2011-05-19 13:20", "influence-scores-and-community-managers",
         "Influence scores and community managers", [
        "A recruiter asked one of our team for her influence score last week. She didn't know it. Neither "
        "did I, so I looked mine up. It's 41, apparently, which puts me somewhere between a local bakery "
        "and a moderately popular cat.",
        "I'm not against measurement. We measure everything here. But a single number that mixes how many "
        "followers you have with how often strangers share your posts is not a measure of whether you can "
        "look after a community. The best moderators I know are close to invisible.",
        "If you hire community managers, what do you actually look at?",
    ], author="priya", labels=["Hiring", "Metrics"], comments=[
        C("maya", "Writing samples, always. I ask candidates to respond to three real (anonymised) comments "
                  "from our site, including one nasty one.",
          C("priya", "Maya, I love that. How do you judge the nasty one?",
            C("maya", "Mostly whether they calm it down without giving in to it. And whether they remember "
                      "there are other readers watching."))),
        C("grant", "I look at scores, honestly. Not as a deciding factor, but a candidate with a very low "
                   "score has usually never built anything online.",
          C("luis", "Or has built something under a company account, which doesn't show up in their "
                    "personal score at all.",
            C("grant", "Fair point. I'll ask about that in interviews."))),
        C("robt", "Between a bakery and a cat is the best description of these scores I've read."),
        PB("http://hiringdesk.example.net/{date}/stop-asking-for-scores/",
           "Stop asking candidates for their influence score | The Hiring Desk"),
        C("kate", "We hired our best moderator from our own commenters. No score involved, just two years "
                  "of watching her be kind to strangers.",
          C("priya", "That's how we found two of ours as well. Your commenters are your best job "
                     "applicants."),
          C("jessica", "", copy="kate-moderator", spam="copy"), key="kate-moderator"),
        C("amara", "Maya's writing-sample idea is brilliant. Stealing it."),
        PENDING("felix", "Late to this, but: we stopped asking for scores after a candidate with a huge one "
                         "turned out to have bought most of her followers."),
    ]),
    POST("2011-06-30 17:00", "notes-from-our-summer-planning-day", "Notes from our summer planning day", [
        "We're taking the team offline for a day of planning next week, so we've closed comments on this "
        "post rather than leave a thread unattended. Here's what we'll be talking about.",
        "Which partner sites need more moderators over the summer, when volunteers disappear on holiday; "
        "whether to keep the staff-first-comment experiment running; and what to do about the flood of "
        "spam that arrives every time a post gets linked from a big site.",
        "Normal service, and open comments, resume next week.",
    ], author="priya", labels=["News"], closed=True),
    POST("2011-07-23 08:11", "what-counts-as-engagement", "What counts as engagement?", [
        "We report \"engagement\" to our partners every month, and every month someone asks what the word "
        "means. It's a fair question. Depending on who you ask it means page views, time on page, shares, "
        "comments, or some blend of all four.",
        "We've settled on a narrower definition: a reader did something that another reader could see and "
        "respond to. A comment counts. A share with a note counts. A page view doesn't, however long it "
        "lasted.",
    ], author="priya", labels=["Metrics"], comments=[
        C("felix", "That's a good definition, but it ignores the people who read every word and never post. "
                   "Aren't they engaged?",
          C("priya", "They're absolutely engaged, Felix, just not in a way we can see. We track them "
                     "separately as \"readers\" and try not to pretend the two numbers are the same.")),
        PB("http://felixbaumann.example.com/{date}/engagement/",
           "Defining engagement, again | Felix Baumann"),
        C("luis", "Would a \"like\" count under your definition? Another reader can see it, but they can't "
                  "exactly respond to it.",
          C("priya", "Good catch. We currently don't count likes.\nMaybe we should call them "
                     "'half-engagement'.")),
    ]),
    POST("2011-08-17 09:05", "spam-season", "Spam season", [
        "August is spam season. Our volunteers are away, the spammers are not, and the filters let through "
        "a few dozen a day that a human has to look at.",
        "The most annoying kind at the moment is what we call the copy-paste reply. A bot picks an earlier "
        "comment on the same post, copies it word for word, and posts it under a new name with a link to "
        "a shop. Because the text is real and on topic, it sails through the filters. The only tell is "
        "that you've read it before.",
        "We now compare every new comment against the earlier ones on the same post before it goes live. "
        "It's a crude check, but it catches most of them.",
    ], author="owen", labels=["Moderation", "Spam"], comments=[
        C("sophie", "We get these too. Some of them even copy the commenter's typos, which is how I first "
                    "noticed.",
          C("owen", "The typos are a dead giveaway. Real people make new typos.",
            C("sophie", "Ha, yes. New typos only."))),
        C("seo", "Cheap SEO backlinks! 5000 high PR links for only $49. Boost your ranking today at "
                 "[[Cheap SEO Backlinks|http://www.cheap-seo-backlinks.example.com/]] & watch your traffic "
                 "grow!!!", spam="commercial"),
        C("amara", "Does comparing against earlier comments slow things down? We have a couple of posts "
                   "with thousands of comments.",
          C("owen", "For us it's fine, our threads are small. For thousands you'd probably want to hash "
                    "sentences rather than compare whole comments.",
            C("amara", "Makes sense. I'll pass it on to our developer."))),
        C("grant", "Has anyone tried just closing comments on old posts? Most of our spam goes to posts that "
                   "are more than a year old.",
          C("priya", "We close after 60 days on a couple of sites. It cuts spam a lot, but we lose the "
                     "occasional great late comment.",
            C("grant", "That's the trade-off, isn't it. Maybe hold late comments for moderation instead of "
                       "closing."))),
        PB("http://moderationnotes.example.org/{date}/links/",
           "Weekly links | Moderation Notes"),
        C("jrh", "Ironically, the backlinks comment on this very post looks like it got through your "
                 "filter.",
          C("owen", "It did! I'm leaving it up for a day as an exhibit.")),
        C("maya", "Our worst month was when a big news site linked to us. The spammers seem to watch the "
                  "same links the readers do.\nWhat helped was holding every comment from a first-time "
                  "commenter for a day while the link was hot. Regulars went straight through.\nIt annoyed a "
                  "few genuine newcomers, so we put a note above the form explaining why."),
        C("kate", "Is there a plugin that does the copy check, or did you write your own?",
          C("owen", "We wrote our own, it's about forty lines. I'll see if I can tidy it up and share it.")),
    ]),
    # This page is written in windows-1252 with no charset declaration anywhere.
    POST("2011-10-05 19:40", "cafe-meetup-in-lyon", "Our café meetup in Lyon", [
        "Last week four of us met with moderators from two French partner sites at a small café near the "
        "river in Lyon. We'd only ever talked in comment threads before, so it was odd and lovely to argue "
        "about moderation policy over coffee instead.",
        "The biggest surprise: they pay their volunteer moderators a small stipend, about €50 a month, and "
        "say it has nearly halved turnover. Their lead moderator called it \"the cheapest thing we've ever "
        "done for the community.\"",
        "We're going to try it on one site this winter. I'll report back — and yes, the café had excellent "
        "croissants.",
    ], author="priya", labels=["Events", "Moderation"], comments=[
        C("elodie", "It was wonderful to meet you all! The café is called \"Chez Mireille\", for anyone who "
                    "visits Lyon.",
          C("priya", "Thank you, Élodie, for organising it — and for the recommendation.")),
        C("luis", "€50 a month seems tiny compared to what turnover costs in training time. Did they say how "
                  "they decide who gets it?",
          C("elodie", "Everyone who moderates at least four hours a week. It's not about the money, really; "
                      "it says \"we value this\".",
            C("luis", "That's a great point. The signal matters more than the amount."))),
        C("robt", "Did you try the café crème? Best I've had outside Paris."),
        PENDING("kate", "Would love to read the policy if they're willing to share it in English."),
    ]),
    POST("2011-11-28 11:25", "threading-or-flat", "Threading or flat?", [
        "We switched one of our partner sites from flat comments to threaded replies in September. Two "
        "months in, here's what happened.",
        "Threads got longer, and people replied to each other far more than to the post. But the number "
        "of different people commenting went down slightly. Our guess is that deep threads look like "
        "private conversations, and newcomers don't want to interrupt.",
        "We've limited replies to three levels for now, which seems to keep conversations open without "
        "losing the back-and-forth.",
    ], author="owen", labels=["Design"], comments=[
        C("felix", "We saw the same thing: threads are great for the regulars and a little intimidating for "
                   "everyone else.",
          C("owen", "Intimidating is the right word. One reader told us it felt like walking into a party "
                    "where everyone already knows each other.",
            C("sophie", "Maybe a \"new here?\" badge for first-time commenters would help. People tend to be "
                        "kinder when they know."))),
        C("dana", "Three levels is what I'd have picked too. Beyond that nobody can follow who is answering "
                  "whom."),
        C("amara", "We went back to flat after a month. Our readers hated it."),
    ]),
    POST("2012-01-16 15:00", "a-small-correction", "A small correction", [
        "In the post about volunteer stipends I wrote that turnover had \"nearly halved\". The French team "
        "has since sent the actual numbers, and the drop was closer to a third. Still very good, but not "
        "what I said.",
        "I've left the original post as it was and added a note at the top, because quietly editing old "
        "posts is a habit I'd like us to avoid.",
    ], author="priya", labels=["News"], comments=[
        C("elodie", "Sorry, that was my fault, I was quoting from memory! A third is the right number.",
          C("priya", "No apology needed. Memory is a terrible data source, and mine's worse than yours.")),
        C("grant", "Good on you for correcting it in public."),
    ]),
    POST("2012-03-22 09:30", "measuring-the-quiet-majority", "Measuring the quiet majority", [
        "We've been trying to get a handle on the readers who never comment. On our largest partner site, "
        "about 94% of the people who visit in a month never post anything. The influence scores don't see "
        "them at all.",
        "We ran a short survey asking readers why they don't comment. The top three answers were: "
        "'someone already said what I was thinking', 'I don't want to be argued with', and 'I didn't know "
        "I could'.",
        "That last one stung. The comment form was below a very long list of related links. We moved it "
        "up.",
    ], author="priya", labels=["Metrics", "Research"], comments=[
        C("maya", "\"Someone already said what I was thinking\" is actually a good sign, isn't it? It means "
                  "the comment section represents them.",
          C("priya", "I think so too. It suggests the commenters are speaking for more people than the raw "
                     "numbers suggest.",
            C("jrh", "Or that only one kind of person comments and the others have given up. Hard to tell "
                     "from a survey."))),
        C("felix", "Moving the comment form is the most practical thing I've read all week. How much did it "
                   "help?",
          C("priya", "About 20% more first-time commenters in the following month. We haven't checked "
                     "whether they stayed.")),
        PB("http://civicthreads.example.com/{date}/the-silent-94-percent/",
           "The silent 94 percent | Civic Threads"),
        C("robt", "I never comment anywhere. This is my first one in years.\nHi.",
          C("priya", "Hi Rob! Welcome, and thank you for breaking the silence."),
          C("sophie", "Welcome Rob!")),
        C("luis", "Do you plan to publish the survey questions? We'd like to run the same one for "
                  "comparison."),
        C("grant", "94% is high but not unusual. Ours is about 97% on the news side."),
    ]),
    POST("2012-06-08 16:50", "when-a-commenter-deletes-their-own-words",
         "When a commenter deletes their own words", [
        "WordPress lets us remove a comment without a trace, and that's what we used to do. Lately we've "
        "been thinking about what's lost when a comment disappears completely: the replies underneath it "
        "stop making sense.",
        "Other platforms leave a placeholder instead: a line saying the comment was removed, by whom, "
        "sitting in its original place in the thread. We think that's more honest, and we're testing a "
        "plugin that does the same here.",
    ], author="owen", labels=["Moderation", "Design"], comments=[
        C("dana", "Blogger has done the placeholder thing for years and I've always liked it. It shows that "
                  "moderation happened without repeating whatever was removed.",
          C("owen", "That's exactly the model we're copying, Dana.")),
        C("amara", "What about people who want their comment gone entirely, for privacy reasons? A "
                   "placeholder with their name still attached could be a problem.",
          C("owen", "Good point. The plugin drops the name when the author asks for removal, and keeps it "
                    "for moderator removals.",
            C("amara", "That seems like the right split."))),
        C("felix", "From a research point of view, please keep placeholders. Threads with holes are very "
                   "hard to analyse.",
          C("priya", "Felix, we're hearing that a lot from researchers. Rosa Lindqvist said the same thing "
                     "last month.")),
        C("kate", "Glad to see you thinking about this."),
    ]),
    POST("2012-10-30 12:00", "one-year-of-stipends", "One year of stipends", [
        "It's been a year since we started paying volunteer moderators on one of our sites, following the "
        "example of our French partners. Turnover is down by about a third, the same as theirs. We're "
        "extending it to two more sites in January.",
    ], author="priya", labels=["Moderation"], comments=[
        C("elodie", "Bravo! So happy it worked for you too."),
    ]),
]
CP1252_SLUG = "cafe-meetup-in-lyon"
BROKEN_PATH = f"{EL_HOST}/2011/09/broken-upload.html"

# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
BLOGGER_TZ = dt.timedelta(hours=-5)   # both Blogger blogs: fixed UTC-05:00, no DST
EPOCH = dt.datetime(1970, 1, 1)


def long_date(d):                      # "Saturday, July 23, 2008"
    return f"{DAYS[d.weekday()]}, {MONTHS[d.month - 1]} {d.day}, {d.year}"


def month_day_year(d):                 # "July 23, 2008"
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def clock(d, upper=True):              # "10:25 AM" / "1:45 pm"
    h = d.hour % 12 or 12
    suffix = "AM" if d.hour < 12 else "PM"
    return f"{h}:{d.minute:02d} {suffix if upper else suffix.lower()}"


def iso_minute(d):
    return d.strftime("%Y-%m-%dT%H:%M")


def show_comment_ms(local):            # UTC epoch milliseconds of a Blogger local time
    return int((local - BLOGGER_TZ - EPOCH).total_seconds()) * 1000


def esc(s):
    return html.escape(s, quote=False)


def attr(s):
    return html.escape(s, quote=True)


def digits(n):
    """n random decimal digits, first digit non-zero."""
    return str(rng.randrange(10 ** (n - 1), 10 ** n))


def blogger_id():
    """A 19-digit Blogger blog/post/comment id; like the real ones it fits a signed 64-bit integer."""
    return str(rng.randrange(10 ** 18, 2 ** 63))


def texturize(s):
    """A small wptexturize: straight quotes to curly ones."""
    s = re.sub(r'(^|[\s(\[])"', lambda m: m.group(1) + "\u201c", s)
    s = s.replace('"', "\u201d")
    s = re.sub(r"(^|[\s(\[])'", lambda m: m.group(1) + "\u2018", s)
    return s.replace("'", "\u2019")


WP_ENTITIES = {"\u2018": "&#8216;", "\u2019": "&#8217;", "\u201c": "&#8220;", "\u201d": "&#8221;",
               "\u2013": "&#8211;", "\u2014": "&#8212;", "\u2026": "&#8230;"}


def wp_esc(s, raw8bit=False):
    s = esc(s)
    if not raw8bit:
        s = "".join(WP_ENTITIES.get(ch, ch) for ch in s)
    return s


INLINE = re.compile(r"\[\[(.+?)\|(.+?)\]\]|\*(.+?)\*")


def render_inline(text, escape, link_rel="nofollow"):
    """Returns (html, visible_text) for one paragraph with [[text|url]] / *em* markup."""
    out, vis, pos = [], [], 0
    for m in INLINE.finditer(text):
        out.append(escape(text[pos:m.start()]))
        vis.append(text[pos:m.start()])
        if m.group(1) is not None:
            out.append(f'<a href="{attr(m.group(2))}" rel="{link_rel}">{escape(m.group(1))}</a>')
            vis.append(m.group(1))
        else:
            out.append(f"<i>{escape(m.group(3))}</i>")
            vis.append(m.group(3))
        pos = m.end()
    out.append(escape(text[pos:]))
    vis.append(text[pos:])
    return "".join(out), "".join(vis)


def paragraphs(text, escape, link_rel="nofollow"):
    """[(html, visible)] per paragraph."""
    return [render_inline(p, escape, link_rel) for p in text.split("\n")]


def walk(items, depth=1, parent=None):
    """Comments (not pingbacks) in document order with (depth, parent)."""
    for c in items:
        if c["kind"] != "comment":
            continue
        yield c, depth, parent
        yield from walk(c["replies"], depth + 1, c)


def random_gap():
    r = rng.random()
    if r < 0.45:
        return rng.randint(4, 95)
    if r < 0.85:
        return rng.randint(96, 600)
    return rng.randint(601, 2600)


def assign_times(post):
    """Top-level items in increasing time; each reply after its parent and earlier siblings."""
    t = post["when"]

    def replies(parent):
        prev = parent["time"]
        for r in parent["replies"]:
            prev = prev + dt.timedelta(minutes=r["gap"] or random_gap())
            r["time"] = prev
            replies(r)

    for item in post["comments"]:
        t = t + dt.timedelta(minutes=item["gap"] or random_gap())
        item["time"] = t
        if item["kind"] == "comment":
            replies(item)


def date_pingbacks(post):
    """Pingback URLs carry the linking post's date: the day the pingback arrived."""
    for item in post["comments"]:
        if item["kind"] == "pingback":
            item["url"] = item["url"].replace("{date}", item["time"].strftime("%Y/%m/%d"))


def resolve_copies(post):
    keyed = {c["key"]: c for c, _, _ in walk(post["comments"]) if c["key"]}
    for c, _, _ in walk(post["comments"]):
        if c["copy"]:
            orig = keyed[c["copy"]]
            assert orig["time"] < c["time"], "a copy must come after its original"
            c["text"] = orig["text"]


PROFILE_IDS = {}
PIDS = {}


def blogger_profile(name):
    if name not in PROFILE_IDS:
        PROFILE_IDS[name] = f"{rng.randrange(2 ** 64):020d}"  # 20 digits, fits an unsigned 64-bit integer
    return PROFILE_IDS[name]


def blogger_pid(name):
    if name not in PIDS:
        PIDS[name] = digits(rng.choice([8, 9, 10]))
    return PIDS[name]


def person_url(people, who, scheme):
    url = people[who]["url"]
    if url == "profile":
        return f"{scheme}://www.blogger.com/profile/{blogger_profile(people[who]['name'])}"
    return url


def expected_comment(cid, parent_id, depth, name, url, is_author, when, raw, status, text, spam):
    return {"id": cid, "parent": parent_id, "depth": depth, "author": name, "author_url": url,
            "is_post_author": is_author, "published": iso_minute(when), "published_raw": raw,
            "status": status, "text": text, "spam": spam}


def status_placeholder(c):
    return {"removed_by_admin": ADMIN_REMOVED, "removed_by_author": AUTHOR_REMOVED}.get(c["status"])


def indent(block, n):
    pad = " " * n
    return "\n".join(pad + line if line else line for line in block.split("\n"))


# ---------------------------------------------------------------------------
# Blogger classic template (flat comments)
# ---------------------------------------------------------------------------

CLASSIC_CSS = """\
/* -----------------------------------------------
Blogger Template Style
Name:     Minima (classic)
----------------------------------------------- */
body {
  background:#fff;
  margin:0;
  color:#333;
  font:x-small Georgia Serif;
  font-size/* */:/**/small;
  font-size: /**/small;
  text-align: center;
  }
a:link { color:#58a; text-decoration:none; }
a:visited { color:#969; text-decoration:none; }
a:hover { color:#c60; text-decoration:underline; }
a img { border-width:0; }
#header-wrapper { width:660px; margin:0 auto 10px; border:1px solid #ccc; }
#blog-title { margin:5px 5px 0; padding:20px 20px .25em; font-size:200%; font-weight:normal; color:#666; }
#description { margin:0 5px 5px; padding:0 20px 20px; max-width:700px; font:78%/1.4em "Trebuchet MS",Trebuchet,Arial,Verdana,Sans-serif; color:#999; }
#outer-wrapper { width:660px; margin:0 auto; padding:10px; text-align:left; font:normal normal 100% Georgia, Serif; }
#main-wrapper { width:410px; float:left; word-wrap:break-word; overflow:hidden; }
#sidebar-wrapper { width:220px; float:right; word-wrap:break-word; overflow:hidden; }
h2.date-header { margin:1.5em 0 .5em; font:normal normal 78% "Trebuchet MS",Trebuchet,Arial,Verdana,Sans-serif; letter-spacing:.2em; color:#999; text-transform:uppercase; }
.post { margin:.5em 0 1.5em; border-bottom:1px dotted #ccc; padding-bottom:1.5em; }
.post h3 { margin:.25em 0 0; padding:0 0 4px; font-size:140%; font-weight:normal; line-height:1.4em; color:#c60; }
.post-body { margin:0 0 .75em; line-height:1.6em; }
.post-footer { margin: .75em 0; color:#999; letter-spacing:.1em; font: normal normal 78% "Trebuchet MS", Trebuchet, Arial, Verdana, Sans-serif; line-height: 1.4em; }
#comments h4 { margin:1em 0; font-weight: bold; line-height: 1.4em; text-transform:uppercase; letter-spacing:.2em; color: #999; }
#comments-block { margin:1em 0 1.5em; line-height:1.6em; }
#comments-block .comment-author { margin:.5em 0; }
#comments-block .comment-author.blog-author { font-weight:bold; }
#comments-block .comment-body { margin:.25em 0 0; }
#comments-block .comment-body p { margin:0 0 .75em; }
#comments-block .comment-footer { margin:-.25em 0 2em; line-height: 1.4em; text-transform:uppercase; letter-spacing:.1em; }
/* removed comments keep their place; the placeholder is styled like .comment-content */
.deleted-comment, .comment-content .deleted-comment { font-style:italic; color:gray; }
.item-control { display:none; }
.sidebar h2 { margin:1.5em 0 .75em; font:normal normal 78% "Trebuchet MS",Trebuchet,Arial,Verdana,Sans-serif; line-height: 1.4em; text-transform:uppercase; letter-spacing:.2em; color:#999; }
.sidebar ul { list-style:none; margin:0 0 0; padding:0 0 0; }
.sidebar li { margin:0; padding-top:0; padding-right:0; padding-bottom:.25em; padding-left:15px; text-indent:-15px; line-height:1.5em; }
.profile-textblock { margin: .5em 0; line-height: 1.6em; }
#footer { width:660px; clear:both; margin:0 auto; padding-top:15px; line-height: 1.6em; text-transform:uppercase; letter-spacing:.1em; text-align: center; }"""

SSB = {
    "host": "socialscoreblog.blogspot.com", "scheme": "http", "title": "Social Score Blog",
    "description": "Notes on links, comments and the numbers people use to decide who matters online.",
    "people": SSB_PEOPLE, "posts": SSB_POSTS, "author": "dana", "platform": "blogger",
    "about": "Writer, reader and spreadsheet enthusiast. Somewhere in the Midwest, usually near a coffee pot.",
    "links": [("Listen First", "http://www.listenfirst.example.net/"),
              ("Ando Notes", "http://ando-notes.example.org/"),
              ("Jen Okafor", "http://jenokafor.example.com/"),
              ("The Comment Desk", "http://commentdesk.example.com/"),
              ("Small Town Internet", "http://smalltowninternet.example.org/")],
}

IW = {
    "host": "influencewatch.blogspot.com", "scheme": "https", "title": "Influence Watch",
    "description": "Research notes on online influence scores: what they measure, what they miss.",
    "people": IW_PEOPLE, "posts": IW_POSTS, "author": "rosa", "platform": "blogger",
    "about": "Sociologist. I collect influence scores so that you don't have to.",
    "links": [("Social Score Blog", "http://socialscoreblog.blogspot.com/"),
              ("Engagement Lab", "http://engagementlab.example.org/"),
              ("Pixels and People", "http://pixelsandpeople.example.net/"),
              ("Kyle Bennett", "http://kylebennett.example.com/")],
}

EL = {
    "host": EL_HOST, "scheme": "http", "title": "Engagement Lab",
    "description": "Notes on online communities, comments and the metrics around them",
    "people": EL_PEOPLE, "posts": EL_POSTS, "author": None, "platform": "wordpress",
    "links": [("Civic Threads", "http://civicthreads.example.com/"),
              ("Influence Watch", "https://influencewatch.blogspot.com/"),
              ("Moderation Notes", "http://moderationnotes.example.org/"),
              ("Social Score Blog", "http://socialscoreblog.blogspot.com/")],
}


def blogger_url(blog, post):
    d = post["when"]
    return f"{blog['scheme']}://{blog['host']}/{d.year:04d}/{d.month:02d}/{post['slug']}.html"


def page_path(blog, post):
    d = post["when"]
    return f"{blog['host']}/{d.year:04d}/{d.month:02d}/{post['slug']}.html"


def blogger_post_block(blog, post, url):
    """The post itself; shared by both Blogger templates."""
    d = post["when"]
    author = blog["people"][blog["author"]]["name"]
    body = "\n".join(f"<p>{esc(p)}</p>" for p in post["body"])
    labels = ", ".join(
        f'<a href="{blog["scheme"]}://{blog["host"]}/search/label/{attr(label)}" rel="tag">{esc(label)}</a>'
        for label in post["labels"])
    zone = "-05:00"
    return f"""<h2 class="date-header"><span>{long_date(d)}</span></h2>
<div class="post hentry"><a name="{post['post_id']}"></a>
<h3 class="post-title entry-title"><a href="{url}">{esc(post['title'])}</a></h3>
<div class="post-header-line-1"></div>
<div class="post-body entry-content">{body}
<div style="clear: both;"></div></div>
<div class="post-footer"><span class="post-author vcard">Posted by <span class="fn">{esc(author)}</span></span>
<span class="post-timestamp">at <a class="timestamp-link" href="{url}" rel="bookmark" title="permanent link"><abbr class="published" title="{d.strftime('%Y-%m-%dT%H:%M:00')}{zone}">{clock(d)}</abbr></a></span>
<div class="post-footer-line post-footer-line-2"><span class="post-labels">Labels: {labels}</span></div></div></div>"""


def count_label(n, zero="0 comments:"):
    if n == 0:
        return zero
    return "1 comment:" if n == 1 else f"{n} comments:"


def classic_comments(blog, post, url):
    people, scheme = blog["people"], blog["scheme"]
    items, expected = [], []
    flat = list(walk(post["comments"]))
    for c, depth, parent in flat:
        assert depth == 1, "classic Blogger comments are flat"
        p = people[c["who"]]
        name = p["name"]
        href = person_url(people, c["who"], scheme)
        is_author = c["who"] == blog["author"]
        cid = "c" + c["bid"]
        who_html = f'<a href="{attr(href)}" rel="nofollow">{esc(name)}</a>' if href else esc(name)
        dt_class = "comment-author blog-author" if is_author else "comment-author"
        placeholder = status_placeholder(c)
        if placeholder:
            body = f'<dd class="comment-body"><span class="deleted-comment">{esc(placeholder)}</span></dd>'
            text = placeholder
        else:
            paras = paragraphs(c["text"], esc)
            body = ('<dd class="comment-body"><p>' + "<br /><br />".join(h for h, _ in paras)
                    + "</p></dd>")
            text = "\n".join(v for _, v in paras)
        when = c["time"]
        raw = clock(when) if post["time_only"] else f"{month_day_year(when)} {clock(when)}"
        items.append(
            f'<dt class="{dt_class}" id="{cid}"><a name="{cid}"></a>\n{who_html} said...</dt>\n'
            f"{body}\n"
            f'<dd class="comment-footer"><span class="comment-timestamp"><a href="{url}?showComment='
            f'{show_comment_ms(when)}#{cid}" title="comment permalink">{raw}</a></span>\n'
            f'<span class="item-control blog-admin pid-{blogger_pid(name)}"><a style="border:none;" '
            f'href="http://www.blogger.com/delete-comment.g?blogID={blog["blog_id"]}&amp;postID={c["bid"]}" '
            f'title="Delete Comment"><img src="http://www.blogger.com/img/icon_delete13.gif"/></a></span></dd>')
        expected.append(expected_comment(cid, None, 1, name, href, is_author, when, raw, c["status"],
                                         text, c["spam"]))
    n = len(flat)
    block = (f'<div class="comments" id="comments"><a name="comments"></a>\n<h4>{count_label(n)}</h4>\n'
             f'<dl id="comments-block">\n' + "\n".join(items) + ("\n" if items else "") + "</dl>\n"
             f'<p class="comment-footer"><a href="http://www.blogger.com/comment.g?blogID={blog["blog_id"]}'
             f'&amp;postID={post["post_id"]}">Post a Comment</a></p>\n'
             f'<div id="backlinks-container"><a name="links"></a><h4>Links to this post:</h4>\n'
             f'<dl id="comments-block-links"></dl>\n'
             f'<p class="comment-footer"><a class="comment-link" href="http://www.blogger.com/blog-this.g" '
             f'id="b-backlink-create">Create a Link</a></p></div>\n</div>')
    return block, expected, n


def classic_page(blog, post, idx):
    posts = blog["posts"]
    url = blogger_url(blog, post)
    host, scheme = blog["host"], blog["scheme"]
    author = blog["people"][blog["author"]]
    comments, expected, n = classic_comments(blog, post, url)
    newer = posts[idx + 1] if idx + 1 < len(posts) else None
    older = posts[idx - 1] if idx > 0 else None
    pager = []
    if newer:
        pager.append(f'<span id="blog-pager-newer-link"><a class="blog-pager-newer-link" '
                     f'href="{blogger_url(blog, newer)}" id="Blog1_blog-pager-newer-link" title="Newer Post">'
                     f'Newer Post</a></span>')
    if older:
        pager.append(f'<span id="blog-pager-older-link"><a class="blog-pager-older-link" '
                     f'href="{blogger_url(blog, older)}" id="Blog1_blog-pager-older-link" title="Older Post">'
                     f'Older Post</a></span>')
    pager.append(f'<a class="home-link" href="{scheme}://{host}/">Home</a>')
    previous = "\n".join(
        f'<li><a href="{blogger_url(blog, p)}">{esc(p["title"])}</a></li>'
        for p in reversed(posts) if p is not post)
    months = []
    for p in reversed(posts):
        key = (p["when"].year, p["when"].month)
        if key not in months:
            months.append(key)
    archive = "\n".join(
        f'<li><a href="{scheme}://{host}/{y:04d}_{m:02d}_01_archive.html">{MONTHS[m - 1]} {y}</a></li>'
        for y, m in months)
    links = "\n".join(f'<li><a href="{attr(u)}">{esc(t)}</a></li>' for t, u in blog["links"])
    profile = f"http://www.blogger.com/profile/{blogger_profile(author['name'])}"
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"
	"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<head>
  <meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
  <meta name="generator" content="Blogger" />
  <link rel="alternate" type="application/atom+xml" title="{blog['title']} - Atom" href="{scheme}://{host}/feeds/posts/default" />
  <link rel="alternate" type="application/rss+xml" title="{blog['title']} - RSS" href="{scheme}://{host}/feeds/posts/default?alt=rss" />
  <link rel="service.post" type="application/atom+xml" title="{blog['title']} - Atom" href="http://www.blogger.com/feeds/{blog['blog_id']}/posts/default" />
  <link rel="alternate" type="application/atom+xml" title="{blog['title']} - Atom" href="{scheme}://{host}/feeds/{post['post_id']}/comments/default" />
  <title>{blog['title']}: {esc(post['title'])}</title>
  <style type="text/css">
{indent(CLASSIC_CSS, 4)}
  </style>
</head>
<body>
<div id="navbar-iframe-container"><iframe src="http://www.blogger.com/navbar.g?targetBlogID={blog['blog_id']}&amp;blogName={attr(blog['title'])}&amp;publishMode=PUBLISH_MODE_BLOGSPOT&amp;navbarType=BLUE" height="30px" width="100%" marginwidth="0" marginheight="0" scrolling="no" id="navbar-iframe" frameborder="0"></iframe></div>
<div id="outer-wrapper">
<div id="header-wrapper"><div id="header">
<h1 id="blog-title"><a href="{scheme}://{host}/">{blog['title']}</a></h1>
<p id="description">{esc(blog['description'])}</p>
</div></div>
<div id="content-wrapper">
<div id="main-wrapper">
{blogger_post_block(blog, post, url)}
{comments}
<div class="blog-pager" id="blog-pager">
{chr(10).join(pager)}
</div>
<div class="clear"></div>
<div class="post-feeds">Subscribe to: <a class="feed-link" href="{scheme}://{host}/feeds/{post['post_id']}/comments/default" target="_blank" type="application/atom+xml">Post Comments (Atom)</a></div>
</div>
<div id="sidebar-wrapper" class="sidebar">
<div id="profile-container"><h2 class="sidebar-title">About Me</h2>
<dl class="profile-datablock">
<dt class="profile-data"><a href="{profile}" rel="author">{esc(author['name'])}</a></dt>
<dd class="profile-textblock">{esc(blog['about'])}</dd>
</dl>
<p class="profile-link"><a href="{profile}" rel="author">View my complete profile</a></p>
</div>
<h2 class="sidebar-title">Previous Posts</h2>
<ul id="recently">
{previous}
</ul>
<h2 class="sidebar-title">Archives</h2>
<ul class="archive-list">
{archive}
</ul>
<h2 class="sidebar-title">Links</h2>
<ul>
{links}
</ul>
<p id="powered-by"><a href="http://www.blogger.com"><img src="http://buttons.blogger.com/bloggerbutton1.gif" alt="Powered by Blogger" /></a></p>
</div>
<div style="clear: both"></div>
</div>
<div id="footer">
<p>Copyright {post['when'].year} {esc(author['name'])}. All comments are the property of their authors.</p>
</div>
</div>
</body>
</html>
"""
    return page, url, expected, n


# ---------------------------------------------------------------------------
# Blogger layout template with threaded comments (one level of replies)
# ---------------------------------------------------------------------------

THREADED_CSS = """\
/*
-----------------------------------------------
Blogger Template Style
Name:     Simple
----------------------------------------------- */
body { font: normal normal 12px Arial, Tahoma, Helvetica, FreeSans, sans-serif; color: #222222; background: #66bbdd none repeat scroll top left; padding: 0 40px 40px 40px; }
html body .region-inner { min-width: 0; max-width: 100%; width: auto; }
a:link { text-decoration:none; color: #2288bb; }
a:visited { text-decoration:none; color: #888888; }
.content-outer { margin: 0 auto; max-width: 1000px; }
.header-inner .Header .titlewrapper { padding: 22px 30px 0; }
.Header h1 { font: normal normal 40px Arial, Tahoma, Helvetica, FreeSans, sans-serif; color: #000000; }
.main-inner .column-center-inner { padding: 0 15px; }
.main-inner .column-right-outer { width: 310px; margin-right: -310px; }
.date-header span { background-color: transparent; color: #222222; padding: inherit; letter-spacing: inherit; margin: inherit; }
h3.post-title, .comments h4 { font: normal normal 22px Arial, Tahoma, Helvetica, FreeSans, sans-serif; margin: .75em 0 0; }
.post-body { font-size: 110%; line-height: 1.4; position: relative; }
.post-footer { margin: 20px -2px 0; padding: 5px 10px; color: #666666; background-color: #f9f9f9; border-bottom: 1px solid #eeeeee; line-height: 1.6; font-size: 90%; }
#comments .comment-author { padding-top: 1.5em; border-top: 1px solid #eeeeee; }
.comments .comments-content .icon.blog-author { display: inline-block; width: 18px; height: 18px; background: url(//resources.blogblog.com/img/author-badge.png) no-repeat; }
.comments .comments-content .comment-header, .comments .comments-content .comment-content { margin: 0 0 8px; }
.comments .comments-content .comment-content { text-align: justify; }
.comments .comments-content .comment-replies { margin-left: 36px; margin-top: 1em; }
.comments .comments-content .comment-thread { margin: 8px 0; }
.comments .comments-content .comment-thread:empty { display: none; }
.comments .comments-content .comment-replybox-single { margin-left: 48px; margin-top: 5px; }
.comments .comments-content .datetime { margin-left: 6px; }
.comments .comments-content .datetime a { color: #888888; }
.comments .comments-content .deleted-comment { font-style: italic; color: gray; }
.comments .comments-content .user { font-style: normal; font-weight: bold; }
.comments .comments-content .user a { color: #2288bb; }
.comments .thread-toggle { cursor: pointer; display: inline-block; }
.comments .continue a { display: block; padding: .5em; font-weight: normal; }
.comments .comment .comment-actions a { padding-right: 5px; padding-top: 5px; }
.comments .avatar-image-container { float: left; max-height: 36px; overflow: hidden; width: 36px; }
.comments .comment-block { margin-left: 48px; position: relative; }
.item-control { display: none; }
.widget ul { padding: 0 0 0 1.25em; margin: 0; line-height: 1.2; }
.footer-inner { padding: 30px 15px; }"""

THREADED_HEAD_SCRIPT = """\
<script type="text/javascript">
window.BLOG_pageTimer = {start: 0, marks: {}};
function BLOG_mark(name) { window.BLOG_pageTimer.marks[name] = (new Date()).getTime(); }
BLOG_mark('head');
</script>"""

# Blogger's threaded-comments script: it holds comment markup as strings, which
# an extractor must not mistake for comments.
THREADED_COMMENT_SCRIPT = """\
<script type="text/javascript">
//<![CDATA[
var BLOG_CMT_messages = {
  'deletedByAdmin': 'This comment has been removed by a blog administrator.',
  'deletedByAuthor': 'This comment has been removed by the author.',
  'replies': 'Replies',
  'reply': 'Reply'
};
function BLOG_CMT_renderBody(item) {
  var text = item.body;
  if (item.deleted) {
    text = item.deletedByAuthor ? BLOG_CMT_messages.deletedByAuthor : BLOG_CMT_messages.deletedByAdmin;
    return '<span class="deleted-comment">' + text + '</span>';
  }
  return '<p class="comment-content">' + text + '</p>';
}
function BLOG_CMT_countLabel(n) {
  return n == 0 ? 'No comments:' : (n == 1 ? '1 comment:' : n + ' comments:');
}
function BLOG_CMT_createIframe(a) {
  var b = document.getElementById('comment-editor');
  if (b) { b.src = a + '#' + encodeURIComponent(window.location.href); }
}
if (window.BLOG_CMT_init) { BLOG_CMT_init(document.getElementById('comment-holder')); }
//]]>
</script>"""


def threaded_li(blog, post, url, c, depth, parent, expected):
    people, scheme = blog["people"], blog["scheme"]
    p = people[c["who"]]
    name = p["name"]
    href = person_url(people, c["who"], scheme)
    is_author = c["who"] == blog["author"]
    num = c["bid"]
    cid = "c" + num
    when = c["time"]
    raw = f"{month_day_year(when)} at {clock(when)}"
    placeholder = status_placeholder(c)
    if placeholder:
        content = f'<p class="comment-content"><span class="deleted-comment">{esc(placeholder)}</span></p>'
        text = placeholder
    else:
        paras = paragraphs(c["text"], esc)
        sep = "<br>" if c["single_br"] else "<br><br>"
        content = '<p class="comment-content">' + sep.join(h for h, _ in paras) + "</p>"
        text = "\n".join(v for _, v in paras)
    expected.append(expected_comment(cid, "c" + parent["bid"] if parent else None, depth, name, href,
                                     is_author, when, raw, c["status"], text, c["spam"]))
    cite = (f'<cite class="user"><a href="{attr(href)}" rel="nofollow">{esc(name)}</a></cite>' if href
            else f'<cite class="user">{esc(name)}</cite>')
    avatar = ("//resources.blogblog.com/img/blank.gif" if p["url"] != "profile"
              else "//www.blogger.com/img/blogger_logo_round_35.png")
    reply_link = (f'<a class="comment-reply" target="_self" data-comment-id="{num}">Reply</a>'
                  if depth == 1 else "")
    lines = [
        f'<li class="comment" id="{cid}">',
        f' <div class="avatar-image-container"><img src="{avatar}"/></div>',
        ' <div class="comment-block">',
        '  <div class="comment-header">',
        f"   {cite}",
        f'   <span class="icon user {"blog-author" if is_author else ""}"></span>',
        f'   <span class="datetime secondary-text"><a rel="nofollow" href="{url}?showComment='
        f'{show_comment_ms(when)}#{cid}">{raw}</a></span>',
        "  </div>",
        f"  {content}",
        f'  <span class="comment-actions secondary-text">{reply_link}<span class="item-control blog-admin '
        f'blog-admin pid-{blogger_pid(name)}"><a target="_self" href="https://www.blogger.com/delete-comment.g?'
        f'blogID={blog["blog_id"]}&amp;postID={num}">Delete</a></span></span>',
        " </div>",
    ]
    replies = [r for r in c["replies"]]
    if replies:
        assert depth == 1, "Blogger nests one level only"
        inner = []
        for r in replies:
            inner.append(indent(threaded_li(blog, post, url, r, depth + 1, c, expected), 5))
        lines += [
            ' <div class="comment-replies">',
            f'  <div id="{cid}-rt" class="comment-thread inline-thread">',
            '   <span class="thread-toggle thread-expanded"><span class="thread-arrow"></span>'
            '<span class="thread-count"><a target="_self">Replies</a></span></span>',
            f'   <ol id="{cid}-rt" class="thread-chrome thread-expanded"><div>',
            *inner,
            f'   </div><div class="continue" id="{cid}-continue"><a class="comment-reply" target="_self" '
            f'data-comment-id="{num}">Reply</a></div></ol>',
            "  </div>",
            " </div>",
        ]
    else:
        lines.append(' <div class="comment-replies"></div>')
    lines += [f' <div class="comment-replybox-single" id="{cid}-ce"></div>', "</li>"]
    return "\n".join(lines)


def threaded_comments(blog, post, url):
    expected = []
    tops = [threaded_li(blog, post, url, c, 1, None, expected) for c in post["comments"]]
    n = len(expected)
    body = "\n".join(tops)
    block = (f'<div class="comments" id="comments"><a name="comments"></a>\n'
             f"<h4>{count_label(n, zero='No comments:')}</h4>\n"
             f'<div class="comments-content"><div id="comment-holder">\n'
             f'<div class="comment-thread toplevel-thread"><ol id="top-ra">\n'
             + (body + "\n" if body else "") +
             f'</ol><div id="top-continue" class="continue"><a class="comment-reply" target="_self">Add comment</a></div>'
             f'<div class="comment-replybox-thread" id="top-ce"></div></div></div></div>\n'
             f'<p class="comment-footer"><a href="https://www.blogger.com/comment.g?blogID={blog["blog_id"]}'
             f'&amp;postID={post["post_id"]}" onclick="">Post a Comment</a></p>\n'
             f"{THREADED_COMMENT_SCRIPT}\n</div>")
    return block, expected, n


def threaded_page(blog, post, idx):
    posts = blog["posts"]
    url = blogger_url(blog, post)
    host, scheme = blog["host"], blog["scheme"]
    author = blog["people"][blog["author"]]
    comments, expected, n = threaded_comments(blog, post, url)
    newer = posts[idx + 1] if idx + 1 < len(posts) else None
    older = posts[idx - 1] if idx > 0 else None
    pager = []
    if newer:
        pager.append(f"<span id='blog-pager-newer-link'><a class='blog-pager-newer-link' "
                     f"href='{blogger_url(blog, newer)}' id='Blog1_blog-pager-newer-link' title='Newer Post'>"
                     f"Newer Post</a></span>")
    if older:
        pager.append(f"<span id='blog-pager-older-link'><a class='blog-pager-older-link' "
                     f"href='{blogger_url(blog, older)}' id='Blog1_blog-pager-older-link' title='Older Post'>"
                     f"Older Post</a></span>")
    pager.append(f"<a class='home-link' href='{scheme}://{host}/'>Home</a>")
    years = []
    for p in reversed(posts):
        if p["when"].year not in years:
            years.append(p["when"].year)
    archive = []
    for y in years:
        ps = [p for p in reversed(posts) if p["when"].year == y]
        expanded = y == post["when"].year
        toggle = "expanded" if expanded else "collapsed"
        items = "\n".join(f"<li><a href='{blogger_url(blog, p)}'>{esc(p['title'])}</a></li>" for p in ps)
        archive.append(
            f"<li class='archivedate {toggle}'><a class='toggle' href='javascript:void(0)'>"
            f"<span class='zippy{' toggle-open' if expanded else ''}'>&#9658;&#160;</span></a>"
            f"<a class='post-count-link' href='{scheme}://{host}/{y}/'>{y}</a> "
            f"<span class='post-count' dir='ltr'>({len(ps)})</span>\n<ul class='posts'>\n{items}\n</ul></li>")
    links = "\n".join(f"<li><a href='{attr(u)}'>{esc(t)}</a></li>" for t, u in blog["links"])
    profile = f"https://www.blogger.com/profile/{blogger_profile(author['name'])}"
    page = f"""<!DOCTYPE html>
<html class='v2' dir='ltr' xmlns='http://www.w3.org/1999/xhtml' xmlns:b='http://www.google.com/2005/gml/b' xmlns:data='http://www.google.com/2005/gml/data' xmlns:expr='http://www.google.com/2005/gml/expr'>
<head>
<meta content='IE=EmulateIE7' http-equiv='X-UA-Compatible'/>
<meta content='width=1100' name='viewport'/>
<meta content='text/html; charset=UTF-8' http-equiv='Content-Type'/>
<meta content='blogger' name='generator'/>
<link href='{scheme}://{host}/favicon.ico' rel='icon' type='image/x-icon'/>
<link href='{url}' rel='canonical'/>
<link rel="alternate" type="application/atom+xml" title="{blog['title']} - Atom" href="{scheme}://{host}/feeds/posts/default" />
<link rel="alternate" type="application/rss+xml" title="{blog['title']} - RSS" href="{scheme}://{host}/feeds/posts/default?alt=rss" />
<link rel="alternate" type="application/atom+xml" title="{blog['title']} - Atom" href="{scheme}://{host}/feeds/{post['post_id']}/comments/default" />
<meta content='{url}' property='og:url'/>
<meta content='{attr(post['title'])}' property='og:title'/>
<title>{blog['title']}: {esc(post['title'])}</title>
{THREADED_HEAD_SCRIPT}
<style id='page-skin-1' type='text/css'><!--
{THREADED_CSS}
--></style>
</head>
<body class='loading'>
<div class='navbar section' id='navbar'><div class='widget Navbar' id='Navbar1'><iframe allowTransparency='true' class='blogger-iframe-colorize blogger-search-iframe' frameborder='0' height='30px' id='navbar-iframe' scrolling='no' src='https://www.blogger.com/navbar.g?targetBlogID={blog['blog_id']}&amp;blogName={attr(blog['title'])}&amp;publishMode=PUBLISH_MODE_BLOGSPOT&amp;navbarType=BLUE&amp;layoutType=LAYOUTS' title='Blogger Navigation and Search' width='100%'></iframe></div></div>
<div class='body-fauxcolumns'></div>
<div class='content'>
<div class='content-outer'>
<header>
<div class='header-outer'><div class='header-inner'><div class='section' id='header'><div class='widget Header' id='Header1'>
<div id='header-inner'><div class='titlewrapper'>
<h1 class='title'><a href='{scheme}://{host}/'>{blog['title']}</a></h1>
</div>
<div class='descriptionwrapper'><p class='description'><span>{esc(blog['description'])}</span></p></div>
</div></div></div></div></div>
</header>
<div class='main-outer'><div class='main-inner columns fauxcolumns'>
<div class='columns-inner'>
<div class='column-center-outer'><div class='column-center-inner'>
<div class='main section' id='main'><div class='widget Blog' id='Blog1'>
<div class='blog-posts hfeed'>
<div class="date-outer">
{blogger_post_block(blog, post, url)}
{comments}
</div>
</div>
<div class='blog-pager' id='blog-pager'>
{chr(10).join(pager)}
</div>
<div class='clear'></div>
<div class='post-feeds'><div class='feed-links'>Subscribe to:
<a class='feed-link' href='{scheme}://{host}/feeds/{post['post_id']}/comments/default' target='_blank' type='application/atom+xml'>Post Comments (Atom)</a>
</div></div>
</div></div>
</div></div>
<div class='column-right-outer'><div class='column-right-inner'><aside>
<div class='sidebar section' id='sidebar-right-1'>
<div class='widget Profile' id='Profile1'>
<h2>About Me</h2>
<div class='widget-content'>
<a href='{profile}'><img alt='My photo' class='profile-img' height='80' src='//www.blogger.com/img/blogger_logo_round_35.png' width='80'/></a>
<dl class='profile-datablock'>
<dt class='profile-data'><a class='profile-name-link g-profile' href='{profile}' rel='author'>{esc(author['name'])}</a></dt>
<dd class='profile-textblock'>{esc(blog['about'])}</dd>
</dl>
<a class='profile-link' href='{profile}' rel='author'>View my complete profile</a>
</div></div>
<div class='widget BlogArchive' id='BlogArchive1'>
<h2>Blog Archive</h2>
<div class='widget-content'><div id='ArchiveList'><div id='BlogArchive1_ArchiveList'>
<ul class='hierarchy'>
{chr(10).join(archive)}
</ul>
</div></div></div></div>
<div class='widget LinkList' id='LinkList1'>
<h2>Reading</h2>
<div class='widget-content'><ul>
{links}
</ul></div></div>
</div>
</aside></div></div>
</div>
</div></div>
<footer>
<div class='footer-outer'><div class='footer-inner'>
<div class='section' id='footer-3'><div class='widget Attribution' id='Attribution1'>
<div class='widget-content' style='text-align: center;'>Simple theme. Powered by <a href='https://www.blogger.com' target='_blank'>Blogger</a>.</div>
</div></div>
</div></div>
</footer>
</div>
</div>
<script type='text/javascript'>
window.setTimeout(function() {{ document.body.className = document.body.className.replace('loading', ''); }}, 10);
</script>
<script type="text/javascript">
if (window.BLOG_mark) BLOG_mark('widgets');
</script>
</body>
</html>
"""
    return page, url, expected, n


# ---------------------------------------------------------------------------
# WordPress, twentyeleven theme (threaded comments, depth <= 3, pingbacks)
# ---------------------------------------------------------------------------

WP_MAX_DEPTH = 3

WP_CSS = """\
/* theme customisations (child of Twenty Eleven) */
#site-title a { color: #1b4f72; }
.commentlist > li.comment { padding: 1.625em; }
.commentlist .comment-author { font-size: 13px; }
.commentlist .comment-author .fn { font-weight: bold; }
.commentlist .comment-meta time { color: #666; }
.commentlist .children .comment-author .avatar { width: 39px; height: 39px; }
.comment-content p { margin-bottom: .8em; }
.comment-awaiting-moderation { display: block; color: #a33; font-style: italic; }
.bypostauthor > article .fn:before { content: "\\2605 "; color: #c60; }
/* Comment Placeholders plugin: removed comments keep their place in the thread */
.comment-content .deleted-comment, .deleted-comment { font-style: italic; color: #888; }
li.pingback p { font-size: 12px; color: #666; }
#recentcomments li { margin-bottom: .5em; }"""


def wp_url(post):
    d = post["when"]
    return f"http://{EL_HOST}/{d.year:04d}/{d.month:02d}/{post['slug']}/"


def wp_li(post, url, c, depth, parent, expected, counters, raw8):
    people = EL_PEOPLE
    p = people[c["who"]]
    name, href, user = p["name"], p["url"], p.get("user")
    is_author = user is not None and user == post["author"]
    num = c["wpid"]
    classes = ["comment"]
    if user:
        classes += ["byuser", f"comment-author-{user}"]
    if is_author:
        classes.append("bypostauthor")
    classes += ["odd", "alt"] if counters["alt"] % 2 else ["even"]
    counters["alt"] += 1
    if depth == 1:
        classes += ["thread-odd", "thread-alt"] if counters["thread"] % 2 else ["thread-even"]
        counters["thread"] += 1
    classes.append(f"depth-{depth}")
    when = c["time"]
    raw = f"{month_day_year(when)} at {clock(when, upper=False)}"
    paras = paragraphs(texturize(c["text"]), lambda s: wp_esc(s, raw8))
    content = "".join(f"<p>{h}</p>" for h, _ in paras)
    text = "\n".join(v for _, v in paras)
    expected.append(expected_comment(f"comment-{num}", f"comment-{parent['wpid']}" if parent else None,
                                     depth, name, href, is_author, when, raw, c["status"], text, c["spam"]))
    fn = (f'<span class="fn"><a href="{attr(href)}" rel="external nofollow" class="url">{wp_esc(name, raw8)}</a></span>'
          if href else f'<span class="fn">{wp_esc(name, raw8)}</span>')
    size = 68 if depth == 1 else 39
    path = url[len(f"http://{EL_HOST}"):]
    if depth < WP_MAX_DEPTH:
        reply = (f'<a class="comment-reply-link" href="{path}?replytocom={num}#respond" '
                 f'onclick=\'return addComment.moveForm("comment-{num}", "{num}", "respond", "{post["wp_post_id"]}")\'>'
                 f'Reply <span>&darr;</span></a>')
    else:
        reply = ""
    lines = [
        f'<li class="{" ".join(classes)}" id="li-comment-{num}">',
        f' <article id="comment-{num}" class="comment">',
        '  <footer class="comment-meta">',
        f'   <div class="comment-author vcard"><img alt="" src="http://{EL_HOST}/avatar.png" '
        f'class="avatar avatar-{size} photo" height="{size}" width="{size}" />{fn} on '
        f'<a href="{url}#comment-{num}"><time pubdate datetime="{when.strftime("%Y-%m-%dT%H:%M:00")}+00:00">'
        f'{raw}</time></a> <span class="says">said:</span></div><!-- .comment-author .vcard -->',
    ]
    if c["status"] == "pending":
        lines.append(f'   <em class="comment-awaiting-moderation">{AWAITING}</em><br />')
    lines += [
        "  </footer>",
        f'  <div class="comment-content">{content}</div>',
        f'  <div class="reply">{reply}</div><!-- .reply -->',
        " </article><!-- #comment-## -->",
    ]
    if c["replies"]:
        assert depth < WP_MAX_DEPTH, "WordPress threads here are limited to depth 3"
        lines.append(' <ul class="children">')
        for r in c["replies"]:
            lines.append(indent(wp_li(post, url, r, depth + 1, c, expected, counters, raw8), 2))
        lines.append(" </ul><!-- .children -->")
    lines.append("</li><!-- #comment-## -->")
    return "\n".join(lines)


def wp_comments(post, url, raw8):
    expected, pingbacks, items = [], [], []
    counters = {"alt": 0, "thread": 0}
    for item in post["comments"]:
        if item["kind"] == "pingback":
            pingbacks.append({"url": item["url"], "title": item["title"]})
            items.append(f'<li class="post pingback">\n <p>Pingback: <a href=\'{attr(item["url"])}\' '
                         f"rel='external nofollow' class='url'>{wp_esc(item['title'], raw8)}</a> </p>\n</li>")
        else:
            items.append(wp_li(post, url, item, 1, None, expected, counters, raw8))
    shown = sum(1 for c in expected if c["status"] != "pending") + len(pingbacks)
    title = wp_esc(texturize(post["title"]), raw8)
    heading = ("One thought on" if shown == 1 else f"{shown} thoughts on")
    path = url[len(f"http://{EL_HOST}"):]
    block = f"""<div id="comments">
<h2 id="comments-title">
{heading} &ldquo;<span>{title}</span>&rdquo;
</h2>
<ol class="commentlist">
{chr(10).join(items)}
</ol>
<div id="respond">
<h3 id="reply-title">Leave a Reply <small><a rel="nofollow" id="cancel-comment-reply-link" href="{path}#respond" style="display:none;">Cancel reply</a></small></h3>
<form action="http://{EL_HOST}/wp-comments-post.php" method="post" id="commentform">
<p class="comment-notes">Your email address will not be published. Required fields are marked <span class="required">*</span></p>
<p class="comment-form-author"><label for="author">Name</label> <span class="required">*</span><input id="author" name="author" type="text" value="" size="30" aria-required='true' /></p>
<p class="comment-form-email"><label for="email">Email</label> <span class="required">*</span><input id="email" name="email" type="text" value="" size="30" aria-required='true' /></p>
<p class="comment-form-url"><label for="url">Website</label><input id="url" name="url" type="text" value="" size="30" /></p>
<p class="comment-form-comment"><label for="comment">Comment</label><textarea id="comment" name="comment" cols="45" rows="8" aria-required="true"></textarea></p>
<p class="form-submit">
<input name="submit" type="submit" id="submit" value="Post Comment" />
<input type='hidden' name='comment_post_ID' value='{post["wp_post_id"]}' id='comment_post_ID' />
<input type='hidden' name='comment_parent' id='comment_parent' value='0' />
</p>
</form>
</div><!-- #respond -->
</div><!-- #comments -->"""
    return block, expected, pingbacks, shown


def wp_page(blog, post, idx, recent_comments):
    posts = blog["posts"]
    url = wp_url(post)
    raw8 = post["slug"] == CP1252_SLUG
    author_slug = post["author"]
    author = EL_AUTHORS[author_slug]
    d = post["when"]
    title = texturize(post["title"])
    t_html = wp_esc(title, raw8)
    body = "\n".join(f"<p>{wp_esc(texturize(p), raw8)}</p>" for p in post["body"])
    if post["closed"]:
        comments, expected, pingbacks, shown = "", [], [], None
    else:
        comments, expected, pingbacks, shown = wp_comments(post, url, raw8)
    cats = ", ".join(
        f'<a href="http://{EL_HOST}/category/{label.lower()}/" title="View all posts in {label}" '
        f'rel="category tag">{label}</a>' for label in post["labels"])
    older = posts[idx - 1] if idx > 0 else None
    newer = posts[idx + 1] if idx + 1 < len(posts) else None
    nav = ""
    if older:
        nav += (f'<span class="nav-previous"><a href="{wp_url(older)}" rel="prev">'
                f'<span class="meta-nav">&larr;</span> Previous</a></span>\n')
    if newer:
        nav += (f'<span class="nav-next"><a href="{wp_url(newer)}" rel="next">Next '
                f'<span class="meta-nav">&rarr;</span></a></span>\n')
    recent_posts = "\n".join(
        f'<li><a href="{wp_url(p)}" title="{wp_esc(texturize(p["title"]), raw8)}">'
        f'{wp_esc(texturize(p["title"]), raw8)}</a></li>' for p in list(reversed(posts))[:5])
    rc = []
    for c, p in recent_comments:
        person = EL_PEOPLE[c["who"]]
        who = (f"<a href='{attr(person['url'])}' rel='external nofollow' class='url'>{wp_esc(person['name'], raw8)}</a>"
               if person["url"] else wp_esc(person["name"], raw8))
        rc.append(f'<li class="recentcomments">{who} on <a href="{wp_url(p)}#comment-{c["wpid"]}">'
                  f'{wp_esc(texturize(p["title"]), raw8)}</a></li>')
    months = []
    for p in reversed(posts):
        key = (p["when"].year, p["when"].month)
        if key not in months:
            months.append(key)
    archives = "\n".join(f"<li><a href='http://{EL_HOST}/{y:04d}/{m:02d}/' title='{MONTHS[m - 1]} {y}'>"
                         f"{MONTHS[m - 1]} {y}</a></li>" for y, m in months)
    links = "\n".join(f'<li><a href="{attr(u)}">{esc(t)}</a></li>' for t, u in blog["links"])
    meta_charset = "" if raw8 else '<meta charset="UTF-8" />\n'
    page = f"""<!DOCTYPE html>
<!--[if IE 7]>
<html id="ie7" dir="ltr" lang="en-US">
<![endif]-->
<!--[if IE 8]>
<html id="ie8" dir="ltr" lang="en-US">
<![endif]-->
<!--[if !(IE 7) | !(IE 8)  ]><!-->
<html dir="ltr" lang="en-US">
<!--<![endif]-->
<head>
{meta_charset}<meta name="viewport" content="width=device-width" />
<title>{t_html} | {blog['title']}</title>
<link rel="profile" href="http://gmpg.org/xfn/11" />
<link rel="stylesheet" type="text/css" media="all" href="http://{EL_HOST}/wp-content/themes/twentyeleven/style.css" />
<link rel="pingback" href="http://{EL_HOST}/xmlrpc.php" />
<link rel="alternate" type="application/rss+xml" title="{blog['title']} &raquo; Feed" href="http://{EL_HOST}/feed/" />
<link rel="alternate" type="application/rss+xml" title="{blog['title']} &raquo; {t_html} Comments Feed" href="{url}feed/" />
<script type='text/javascript' src='http://{EL_HOST}/wp-includes/js/comment-reply.js?ver=20090102'></script>
<link rel="EditURI" type="application/rsd+xml" title="RSD" href="http://{EL_HOST}/xmlrpc.php?rsd" />
<link rel='prev' title='{wp_esc(texturize(older["title"]), raw8) if older else ""}' href='{wp_url(older) if older else ""}' />
<meta name="generator" content="WordPress 3.2.1" />
<link rel='canonical' href='{url}' />
<style type="text/css">
{WP_CSS}
</style>
</head>

<body class="single single-post postid-{post['wp_post_id']} single-format-standard singular two-column right-sidebar">
<div id="page" class="hfeed">
<header id="branding" role="banner">
<hgroup>
<h1 id="site-title"><span><a href="http://{EL_HOST}/" title="{blog['title']}" rel="home">{blog['title']}</a></span></h1>
<h2 id="site-description">{esc(blog['description'])}</h2>
</hgroup>
<form method="get" id="searchform" action="http://{EL_HOST}/">
<label for="s" class="assistive-text">Search</label>
<input type="text" class="field" name="s" id="s" placeholder="Search" />
<input type="submit" class="submit" name="submit" id="searchsubmit" value="Search" />
</form>
<nav id="access" role="navigation">
<h3 class="assistive-text">Main menu</h3>
<div class="skip-link"><a class="assistive-text" href="#content" title="Skip to primary content">Skip to primary content</a></div>
<div class="menu"><ul><li><a href="http://{EL_HOST}/" title="Home">Home</a></li><li class="page_item page-item-2"><a href="http://{EL_HOST}/about/" title="About">About</a></li><li class="page_item page-item-7"><a href="http://{EL_HOST}/comment-policy/" title="Comment policy">Comment policy</a></li></ul></div>
</nav><!-- #access -->
</header><!-- #branding -->

<div id="main">
<div id="primary">
<div id="content" role="main">

<nav id="nav-single">
<h3 class="assistive-text">Post navigation</h3>
{nav}</nav><!-- #nav-single -->

<article id="post-{post['wp_post_id']}" class="post-{post['wp_post_id']} post type-post status-publish hentry">
<header class="entry-header">
<h1 class="entry-title">{t_html}</h1>
<div class="entry-meta"><span class="sep">Posted on </span><a href="{url}" title="{clock(d, upper=False)}" rel="bookmark"><time class="entry-date" datetime="{d.strftime('%Y-%m-%dT%H:%M:00')}+00:00" pubdate>{month_day_year(d)}</time></a><span class="by-author"> <span class="sep"> by </span> <span class="author vcard"><a class="url fn n" href="http://{EL_HOST}/author/{author_slug}/" title="View all posts by {author}" rel="author">{author}</a></span></span></div><!-- .entry-meta -->
</header><!-- .entry-header -->

<div class="entry-content">
{body}
</div><!-- .entry-content -->

<footer class="entry-meta">
This entry was posted in {cats} by <a href="http://{EL_HOST}/author/{author_slug}/">{author}</a>. Bookmark the <a href="{url}" title="Permalink to {t_html}" rel="bookmark">permalink</a>.
</footer><!-- .entry-meta -->
</article><!-- #post-{post['wp_post_id']} -->

{comments}

</div><!-- #content -->
</div><!-- #primary -->

<div id="secondary" class="widget-area" role="complementary">
<aside id="recent-posts-2" class="widget widget_recent_entries">
<h3 class="widget-title">Recent Posts</h3>
<ul>
{recent_posts}
</ul>
</aside>
<aside id="recent-comments-2" class="widget widget_recent_comments">
<h3 class="widget-title">Recent Comments</h3>
<ul id="recentcomments">
{chr(10).join(rc)}
</ul>
</aside>
<aside id="archives-2" class="widget widget_archive">
<h3 class="widget-title">Archives</h3>
<ul>
{archives}
</ul>
</aside>
<aside id="linkcat-2" class="widget widget_links">
<h3 class="widget-title">Blogroll</h3>
<ul class='xoxo blogroll'>
{links}
</ul>
</aside>
<aside id="meta-2" class="widget widget_meta">
<h3 class="widget-title">Meta</h3>
<ul>
<li><a href="http://{EL_HOST}/wp-login.php">Log in</a></li>
<li><a href="http://{EL_HOST}/feed/" title="Syndicate this site using RSS 2.0">Entries <abbr title="Really Simple Syndication">RSS</abbr></a></li>
<li><a href="http://{EL_HOST}/comments/feed/" title="The latest comments to all posts in RSS">Comments <abbr title="Really Simple Syndication">RSS</abbr></a></li>
</ul>
</aside>
</div><!-- #secondary .widget-area -->
</div><!-- #main -->

<footer id="colophon" role="contentinfo">
<div id="site-generator">
<a href="http://wordpress.org/" title="Semantic Personal Publishing Platform" rel="generator">Proudly powered by WordPress</a>
</div>
</footer><!-- #colophon -->
</div><!-- #page -->
</body>
</html>
"""
    return page, url, title, author, expected, pingbacks, shown


# ---------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------

def prepare_blogger(blog):
    blog["blog_id"] = blogger_id()
    for post in blog["posts"]:
        post["post_id"] = blogger_id()
        assign_times(post)
        resolve_copies(post)
        for c, _, _ in walk(post["comments"]):
            c["bid"] = blogger_id()
            c["single_br"] = rng.random() < 0.3


def prepare_wordpress(blog):
    pid = 3
    everything = []
    for post in blog["posts"]:
        pid += rng.randint(2, 9)
        post["wp_post_id"] = pid
        assign_times(post)
        date_pingbacks(post)
        resolve_copies(post)
        for item in post["comments"]:
            everything.append(item)
        for c, depth, _ in walk(post["comments"]):
            if depth > 1:
                everything.append(c)
    # WordPress numbers comments (pingbacks included) in the order they arrive.
    everything.sort(key=lambda item: item["time"])
    cid = 1
    for item in everything:
        cid += 1 + (rng.randint(1, 4) if rng.random() < 0.3 else 0)
        item["wpid"] = cid


def broken_bytes():
    data = bytearray(rng.getrandbits(8) for _ in range(4096))
    for _ in range(8):
        at = rng.randrange(0, len(data) - 64)
        run = rng.randint(4, 48)
        data[at:at + run] = bytes(run)
    return bytes(data)


def page_entry(path, platform, encoding, post_info, pingbacks, comments):
    return {"path": path, "broken": False, "platform": platform, "encoding": encoding,
            "post": post_info, "pingbacks": pingbacks, "comments": comments}


def post_info(url, title, author, when, raw, shown):
    return {"url": url, "title": title, "author": author, "published": when.strftime("%Y-%m-%d"),
            "published_raw": raw, "comment_count_shown": shown}


def build():
    """Returns ({relative path: bytes}, expected document)."""
    prepare_blogger(SSB)
    prepare_blogger(IW)
    prepare_wordpress(EL)
    files, pages = {}, []

    for blog, render in ((SSB, classic_page), (IW, threaded_page)):
        author = blog["people"][blog["author"]]["name"]
        for idx, post in enumerate(blog["posts"]):
            page, url, expected, n = render(blog, post, idx)
            path = page_path(blog, post)
            files[path] = page.encode("utf-8")
            pages.append(page_entry(path, "blogger", "utf-8",
                                    post_info(url, post["title"], author, post["when"],
                                              long_date(post["when"]), n),
                                    [], expected))

    approved = []
    for post in EL["posts"]:
        for c, _, _ in walk(post["comments"]):
            if c["status"] == "visible":
                approved.append((c, post))
    approved.sort(key=lambda cp: cp[0]["time"])
    recent = list(reversed(approved))[:5]
    for idx, post in enumerate(EL["posts"]):
        page, url, title, author, expected, pingbacks, shown = wp_page(EL, post, idx, recent)
        path = page_path(EL, post)
        encoding = "windows-1252" if post["slug"] == CP1252_SLUG else "utf-8"
        files[path] = page.encode("cp1252" if encoding == "windows-1252" else "utf-8")
        pages.append(page_entry(path, "wordpress", encoding,
                                post_info(url, title, author, post["when"],
                                          month_day_year(post["when"]), shown),
                                pingbacks, expected))

    files[BROKEN_PATH] = broken_bytes()
    pages.append({"path": BROKEN_PATH, "broken": True, "platform": None, "encoding": None,
                  "post": None, "pingbacks": [], "comments": []})
    pages.sort(key=lambda p: p["path"])

    comments = [c for p in pages for c in p["comments"]]
    totals = {
        "files": len(pages),
        "post_pages": sum(1 for p in pages if not p["broken"]),
        "broken_files": sum(1 for p in pages if p["broken"]),
        "posts_with_comments": sum(1 for p in pages if p["comments"]),
        "comments": len(comments),
        "visible": sum(1 for c in comments if c["status"] == "visible"),
        "removed_by_admin": sum(1 for c in comments if c["status"] == "removed_by_admin"),
        "removed_by_author": sum(1 for c in comments if c["status"] == "removed_by_author"),
        "pending": sum(1 for c in comments if c["status"] == "pending"),
        "replies": sum(1 for c in comments if c["parent"] is not None),
        "spam_copy": sum(1 for c in comments if c["spam"] == "copy"),
        "spam_commercial": sum(1 for c in comments if c["spam"] == "commercial"),
        "pingbacks": sum(len(p["pingbacks"]) for p in pages),
    }
    doc = {"generator": "scripts/make-demo-archive.py", "pages": pages, "totals": totals}
    return files, doc


# ---------------------------------------------------------------------------
# Archive files beside the pages: a WARC with one post captured over time, and a
# WordPress export.  Built after build() from their own random.Random, so that the
# pages above come out byte for byte as before.
# ---------------------------------------------------------------------------

EXTRAS_SEED = 2013
WARC_PATH = "warc/influencewatch-captures.warc.gz"
EXPORT_PATH = "exports/engagementlab.wordpress.2012-12-01.xml"


def utc_iso(d):                        # "2013-03-02T14:05:31Z"
    return d.strftime("%Y-%m-%dT%H:%M:%SZ")


def http_date(d):                      # "Sat, 02 Mar 2013 14:05:31 GMT"
    return (f"{DAYS[d.weekday()][:3]}, {d.day:02d} {MONTHS[d.month - 1][:3]} {d.year} "
            f"{d.strftime('%H:%M:%S')} GMT")


def sha1_b32(data):
    """A WARC digest: `sha1:` and the base32 SHA-1."""
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


# --- The post captured three times (influencewatch, threaded Blogger) -------

def AT(c, local, appears=0, removed_at=None, removal="removed_by_admin", gone_at=None):
    """When a comment of the captured post was written (blog time) and what the
    captures show of it: shown from capture `appears` (0-based) on, a removal
    placeholder from capture `removed_at` on, gone from the page from `gone_at` on."""
    c.update(time=dt.datetime.strptime(local, "%Y-%m-%d %H:%M"), appears=appears,
             removed_at=removed_at, removal=removal, gone_at=gone_at)
    return c


AISHA_PLATFORMS = ("Could you split the results by platform? A reply on a blog and a reply on a social "
                   "network feel like very different amounts of effort.")

# Not in IW_POSTS: this post exists only inside the WARC.
WARC_POST = POST("2013-02-19 08:30", "counting-replies-instead-of-followers",
                 "Counting replies instead of followers", [
    "A quick follow-up to last month's post about scores that move on their own. Several of you asked "
    "what I would measure instead, so here is the experiment I'm running this spring.",
    "For every account in the sample I'm counting replies from people who don't already follow it. A "
    "reply from a stranger takes more effort than a follow and far more than a share, and it is hard to "
    "buy in bulk.",
    "It's early and the numbers are small. If you can see how this will go wrong, the comments are the "
    "place.",
], labels=["methods", "scores"], comments=[
    AT(C("marcus", "\"Hard to buy in bulk\" is doing a lot of work in that sentence. Give the follower shops "
                   "six months and they'll be selling replies too.",
         AT(C("rosa", "Probably. I'm watching for accounts that always reply to each other, in rings. If "
                      "they show up, they'll get a post of their own."), "2013-02-19 12:15")),
       "2013-02-19 09:47"),
    # Removed by the blog administrator between captures 1 and 2.
    AT(C("growth", "Want more replies? Our engagement packages deliver 500 real comments on every post, "
                   "starting at $19! Visit [[Buy Followers Fast|http://www.buy-followers-fast.example.com/]] "
                   "today.", spam="commercial"),
       "2013-02-21 03:12", removed_at=1),
    AT(C("hannah", "Do replies from the account's own friends count? Most of the replies I get are from "
                   "people I know offline.",
         # Written after capture 1.
         AT(C("rosa", "They count in this round, Hannah. I'm tagging replies between mutual followers "
                      "separately, so I can take them out later and see what is left."),
            "2013-03-11 08:05", appears=1)),
       "2013-02-22 18:40"),
    AT(C("aisha", AISHA_PLATFORMS,
         AT(C("rosa", "Good idea, Aisha. Blog comments are a small part of the sample, but I'll report "
                      "them separately."), "2013-02-26 13:30")),
       "2013-02-26 10:14"),
    # The same comment sent twice a minute apart; the duplicate is deleted outright
    # (Blogger's "remove forever") between captures 2 and 3.
    AT(C("aisha", AISHA_PLATFORMS), "2013-02-26 10:15", gone_at=2),
])

WARC_CAPTURES = [dt.datetime(2013, 3, 2, 14, 5, 31), dt.datetime(2013, 6, 15, 3, 41, 12),
                 dt.datetime(2013, 9, 30, 22, 17, 48)]           # UTC, as WARC-Date
WARC_REVISIT = dt.datetime(2013, 10, 1, 22, 19, 5)               # repeats capture 3's payload
WARC_TARGET_SCHEME = "http"            # 2013 blogspot URLs; the page's canonical link says https
WARC_MISSING_URL = f"http://{IW['host']}/2013/03/reply-rings.html"   # a post deleted before the crawl
WARC_IMAGE_URL = "http://1.bp.blogspot.com/-Rk7xJc2QbWs/UR0tY8nTqPI/AAAAAAAAAFo/dM3q9vLwZ0E/s1600/replies-chart.png"
CRAWLER_UA = "Mozilla/5.0 (compatible; demo-crawler/1.0; +http://crawler.example.org/about.html)"


def capture_view(items, k):
    """The comments as capture `k` shows them."""
    out = []
    for c in items:
        if c["appears"] > k or (c["gone_at"] is not None and c["gone_at"] <= k):
            continue
        v = dict(c)
        if c["removed_at"] is not None and c["removed_at"] <= k:
            v["status"] = c["removal"]
            v["text"] = status_placeholder(v)
        v["replies"] = capture_view(c["replies"], k)
        out.append(v)
    return out


def blog_as_of(post, when_utc):
    """The influencewatch blog as it stood at `when_utc`, with `post` among its posts."""
    local = when_utc + BLOGGER_TZ
    posts = sorted([p for p in IW_POSTS if p["when"] <= local] + [post], key=lambda p: p["when"])
    return dict(IW, posts=posts), next(i for i, p in enumerate(posts) if p is post)


def comment_link_label(n):
    return "No comments" if n == 0 else ("1 comment" if n == 1 else f"{n} comments")


def threaded_home(blog, shown, counts):
    """The blog's home page (a listing page, not a post): the newest posts in full,
    each with a link to its comments; no comment markup."""
    host, scheme = blog["host"], blog["scheme"]
    author = blog["people"][blog["author"]]
    blocks = []
    for p in shown:
        url = blogger_url(blog, p)
        blocks.append(f'<div class="date-outer">\n{blogger_post_block(blog, p, url)}\n'
                      f"<div class='post-footer-line post-footer-line-3'><span class='post-comment-link'>"
                      f"<a class='comment-link' href='{url}#comment-form' onclick=''>"
                      f"{comment_link_label(counts[p['slug']])}</a></span></div>\n</div>")
    last = shown[-1]["when"].strftime("%Y-%m-%dT%H:%M:00-05:00")
    older = f"{scheme}://{host}/search?updated-max={last}&amp;max-results={len(shown)}"
    recent = "\n".join(f"<li><a href='{blogger_url(blog, p)}'>{esc(p['title'])}</a></li>"
                       for p in reversed(blog["posts"]))
    links = "\n".join(f"<li><a href='{attr(u)}'>{esc(t)}</a></li>" for t, u in blog["links"])
    profile = f"https://www.blogger.com/profile/{blogger_profile(author['name'])}"
    return f"""<!DOCTYPE html>
<html class='v2' dir='ltr' xmlns='http://www.w3.org/1999/xhtml' xmlns:b='http://www.google.com/2005/gml/b' xmlns:data='http://www.google.com/2005/gml/data' xmlns:expr='http://www.google.com/2005/gml/expr'>
<head>
<meta content='IE=EmulateIE7' http-equiv='X-UA-Compatible'/>
<meta content='width=1100' name='viewport'/>
<meta content='text/html; charset=UTF-8' http-equiv='Content-Type'/>
<meta content='blogger' name='generator'/>
<link href='{scheme}://{host}/favicon.ico' rel='icon' type='image/x-icon'/>
<link href='{scheme}://{host}/' rel='canonical'/>
<link rel="alternate" type="application/atom+xml" title="{blog['title']} - Atom" href="{scheme}://{host}/feeds/posts/default" />
<link rel="alternate" type="application/rss+xml" title="{blog['title']} - RSS" href="{scheme}://{host}/feeds/posts/default?alt=rss" />
<title>{blog['title']}</title>
{THREADED_HEAD_SCRIPT}
<style id='page-skin-1' type='text/css'><!--
{THREADED_CSS}
--></style>
</head>
<body class='loading'>
<div class='content'>
<div class='content-outer'>
<header>
<div class='header-outer'><div class='header-inner'><div class='section' id='header'><div class='widget Header' id='Header1'>
<div id='header-inner'><a href='{scheme}://{host}/' style='display: block'><img alt='{blog['title']}' height='40' id='Header1_headerimg' src='{WARC_IMAGE_URL}' style='display: block' width='60'/></a>
<div class='titlewrapper'><h1 class='title'><a href='{scheme}://{host}/'>{blog['title']}</a></h1></div>
<div class='descriptionwrapper'><p class='description'><span>{esc(blog['description'])}</span></p></div>
</div></div></div></div></div>
</header>
<div class='main-outer'><div class='main-inner columns fauxcolumns'>
<div class='columns-inner'>
<div class='column-center-outer'><div class='column-center-inner'>
<div class='main section' id='main'><div class='widget Blog' id='Blog1'>
<div class='blog-posts hfeed'>
{chr(10).join(blocks)}
</div>
<div class='blog-pager' id='blog-pager'>
<span id='blog-pager-older-link'><a class='blog-pager-older-link' href='{older}' id='Blog1_blog-pager-older-link' title='Older Posts'>Older Posts</a></span>
</div>
<div class='clear'></div>
<div class='blog-feeds'><div class='feed-links'>Subscribe to:
<a class='feed-link' href='{scheme}://{host}/feeds/posts/default' target='_blank' type='application/atom+xml'>Posts (Atom)</a>
</div></div>
</div></div>
</div></div>
<div class='column-right-outer'><div class='column-right-inner'><aside>
<div class='sidebar section' id='sidebar-right-1'>
<div class='widget Profile' id='Profile1'>
<h2>About Me</h2>
<div class='widget-content'>
<dl class='profile-datablock'>
<dt class='profile-data'><a class='profile-name-link g-profile' href='{profile}' rel='author'>{esc(author['name'])}</a></dt>
<dd class='profile-textblock'>{esc(blog['about'])}</dd>
</dl>
</div></div>
<div class='widget BlogArchive' id='BlogArchive1'>
<h2>Blog Archive</h2>
<div class='widget-content'><ul class='posts'>
{recent}
</ul></div></div>
<div class='widget LinkList' id='LinkList1'>
<h2>Reading</h2>
<div class='widget-content'><ul>
{links}
</ul></div></div>
</div>
</aside></div></div>
</div>
</div></div>
<footer>
<div class='footer-outer'><div class='footer-inner'>
<div class='widget-content' style='text-align: center;'>Simple theme. Powered by <a href='https://www.blogger.com' target='_blank'>Blogger</a>.</div>
</div></div>
</footer>
</div>
</div>
</body>
</html>
"""


def blogger_not_found(blog):
    """The small page Blogger serves with a 404."""
    host, scheme = blog["host"], blog["scheme"]
    return f"""<!DOCTYPE html>
<html class='v2' dir='ltr' xmlns='http://www.w3.org/1999/xhtml'>
<head>
<meta content='text/html; charset=UTF-8' http-equiv='Content-Type'/>
<meta content='blogger' name='generator'/>
<title>{blog['title']}</title>
</head>
<body>
<h1 class='title'><a href='{scheme}://{host}/'>{blog['title']}</a></h1>
<div class='status-msg-wrap'><div class='status-msg-body'>Sorry, the page you were looking for in this blog does not exist.</div>
<div class='status-msg-border'><div class='status-msg-bg'><div class='status-msg-hidden'>Sorry, the page you were looking for in this blog does not exist.</div></div></div></div>
<div class='blog-pager' id='blog-pager'><a class='home-link' href='{scheme}://{host}/'>Home</a></div>
</body>
</html>
"""


def chart_png(xrng, width=60, height=40):
    """A small bar chart (RGB PNG) of invented numbers."""
    bars = [xrng.randint(6, height - 4) for _ in range(6)]
    rows = []
    for y in range(height):
        row = bytearray()
        for x in range(width):
            bar, within = divmod(x - 3, 9)
            inside = x >= 3 and 0 <= bar < len(bars) and 1 <= within <= 7 and height - 1 - y < bars[bar]
            row += bytes((0x22, 0x88, 0xbb)) if inside else bytes((0xff, 0xff, 0xff))
        rows.append(b"\x00" + bytes(row))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


def http_message(first_line, headers, body=b""):
    head = first_line + "\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return head.encode("ascii") + body


def response_headers(when, mime, body, modified=None, length=None, etag=True):
    headers = [("Content-Type", mime), ("Expires", http_date(when)), ("Date", http_date(when)),
               ("Cache-Control", "private, max-age=0")]
    if modified is not None:
        headers.append(("Last-Modified", http_date(modified)))
    if etag:
        headers.append(("ETag", f'"{hashlib.md5(body).hexdigest()}"'))
    return headers + [("X-Content-Type-Options", "nosniff"), ("X-XSS-Protection", "1; mode=block"),
                      ("Content-Length", str(len(body) if length is None else length)), ("Server", "GSE"),
                      ("Connection", "close")]


class WARCWriter:
    """WARC/1.0 records, one gzip member each (as Heritrix writes them; mtime 0)."""

    def __init__(self, filename, xrng):
        self.filename = filename
        self.rng = xrng
        self.data = bytearray()
        self.records = []              # (offset, type, uri, date, record id)
        self.warcinfo_id = None

    def record_id(self):
        return f"<urn:uuid:{uuid.UUID(int=self.rng.getrandbits(128), version=4)}>"

    def write(self, fields, block, content_type):
        """Appends a record; `fields` are the WARC headers before WARC-Record-ID, in order."""
        rid = self.record_id()
        names = [k for k, _ in fields]
        head = [("WARC-Type", fields[0][1])] + fields[1:]
        head.append(("WARC-Record-ID", rid))
        if self.warcinfo_id and fields[0][1] != "warcinfo":
            head.append(("WARC-Warcinfo-ID", self.warcinfo_id))
        head += [("WARC-Block-Digest", sha1_b32(block)), ("Content-Type", content_type),
                 ("Content-Length", str(len(block)))]
        assert names[0] == "WARC-Type"
        text = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in head) + "\r\n"
        record = text.encode("utf-8") + block + b"\r\n\r\n"
        offset = len(self.data)
        self.data += gzip.compress(record, compresslevel=9, mtime=0)
        get = dict(head).get
        self.records.append({"offset": offset, "type": fields[0][1], "uri": get("WARC-Target-URI"),
                             "date": get("WARC-Date"), "id": rid})
        return rid

    def warcinfo(self, when, fields):
        block = "".join(f"{k}: {v}\r\n" for k, v in fields).encode("utf-8")
        self.warcinfo_id = self.write([("WARC-Type", "warcinfo"), ("WARC-Date", utc_iso(when)),
                                       ("WARC-Filename", self.filename)], block, "application/warc-fields")

    def fetch(self, url, when, ip, http, referer=None):
        """A response and the request that fetched it (response first, as Heritrix writes)."""
        body = http.split(b"\r\n\r\n", 1)[1]
        rid = self.write([("WARC-Type", "response"), ("WARC-Target-URI", url), ("WARC-Date", utc_iso(when)),
                          ("WARC-Payload-Digest", sha1_b32(body)), ("WARC-IP-Address", ip)],
                         http, "application/http; msgtype=response")
        self.request(url, when, rid, referer)
        return rid, sha1_b32(body)

    def revisit(self, url, when, ip, http_head, refers_to, refers_date, digest, referer=None):
        rid = self.write([("WARC-Type", "revisit"), ("WARC-Target-URI", url), ("WARC-Date", utc_iso(when)),
                          ("WARC-Payload-Digest", digest), ("WARC-IP-Address", ip),
                          ("WARC-Profile", "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest"),
                          ("WARC-Refers-To", refers_to), ("WARC-Refers-To-Target-URI", url),
                          ("WARC-Refers-To-Date", utc_iso(refers_date))],
                         http_head, "application/http; msgtype=response")
        self.request(url, when, rid, referer)
        return rid

    def request(self, url, when, concurrent, referer):
        rest = url.split("://", 1)[1]
        host, path = (rest.split("/", 1) + [""])[:2]
        headers = [("User-Agent", CRAWLER_UA), ("Connection", "close")]
        if referer:
            headers.append(("Referer", referer))
        headers += [("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
                    ("Host", host)]
        self.write([("WARC-Type", "request"), ("WARC-Target-URI", url), ("WARC-Date", utc_iso(when)),
                    ("WARC-Concurrent-To", concurrent)],
                   http_message(f"GET /{path} HTTP/1.0", headers), "application/http; msgtype=request")


def merge_captures(snapshots):
    """The documented merge over captures (DESIGN.md, `crawl`): `snapshots` are
    (time, comments in document order) oldest first.  A comment missing from a later
    capture becomes `vanished` (time: the first capture it is missing from) and keeps
    its place after the comment it followed; a comment that turns into a removal
    placeholder keeps its earlier text and takes the time of the first capture that
    shows the placeholder."""
    merged = []
    for time, seen in snapshots:
        before = {m["id"]: m for m in merged}
        current = []
        for c in seen:
            m = before.get(c["id"])
            if m is None:
                current.append(dict(c, first_seen=time, last_seen=time, status_changed=None))
                continue
            # The latest capture's version, seen from the first capture that showed it.
            now = dict(c, first_seen=m["first_seen"], last_seen=time, status_changed=m["status_changed"])
            if c["status"] in ("removed_by_admin", "removed_by_author"):
                now["text"] = m["text"]    # a placeholder keeps what the comment said
                if m["status"] not in ("removed_by_admin", "removed_by_author"):
                    now["status_changed"] = time
            elif c["status"] != m["status"]:
                now["status_changed"] = time
            current.append(now)
        seen_ids = {c["id"] for c in seen}
        after, anchor, leading = {}, None, []
        for m in merged:
            if m["id"] in seen_ids:
                anchor = m["id"]
                continue
            if m["status"] != "vanished":
                m = dict(m, status="vanished", status_changed=time)
            (after.setdefault(anchor, []) if anchor else leading).append(m)
        merged = leading
        for m in current:
            merged.append(m)
            merged.extend(after.get(m["id"], []))
    return merged


def build_warc(xrng):
    """The WARC file and its ground truth."""
    blog = IW
    post = WARC_POST
    post["post_id"] = blogger_id()
    for c, _, _ in walk(post["comments"]):
        c["bid"] = blogger_id()
        c["single_br"] = rng.random() < 0.3
    path = f"/{post['when'].year:04d}/{post['when'].month:02d}/{post['slug']}.html"
    target = f"{WARC_TARGET_SCHEME}://{blog['host']}{path}"
    home = f"{WARC_TARGET_SCHEME}://{blog['host']}/"
    ip = f"203.0.113.{xrng.randint(2, 254)}"

    w = WARCWriter(WARC_PATH.rsplit("/", 1)[1], xrng)
    w.warcinfo(WARC_CAPTURES[0] - dt.timedelta(seconds=2), [
        ("software", "make-demo-archive.py (threadminer demo; records laid out as Heritrix 3 writes them)"),
        ("hostname", "demo-crawler"),
        ("ip", "192.0.2.10"),
        ("http-header-user-agent", CRAWLER_UA),
        ("robots", "obey"),
        ("format", "WARC File Format 1.0"),
        ("conformsTo", "http://bibnum.bnf.fr/WARC/WARC_ISO_28500_version1_latestdraft.pdf"),
        ("isPartOf", "influencewatch-demo"),
        ("description", "Fictional: three visits to one post of a fictional blog, plus what was fetched "
                        "around them, kept in one file for the threadminer demo"),
        ("operator", "threadminer demo (invented)"),
    ])

    captures, snapshots, pages = [], [], []
    for k, when in enumerate(WARC_CAPTURES):
        view_post = dict(post, comments=capture_view(post["comments"], k))
        view, idx = blog_as_of(view_post, when)
        if k == 1:
            # The crawler starts at the home page this time, then the post and the header image.
            shown = list(reversed(view["posts"]))[:3]
            counts = {p["slug"]: len(list(walk(p["comments"]))) for p in shown}
            body = threaded_home(view, shown, counts).encode("utf-8")
            t = when - dt.timedelta(seconds=3)
            newest = max(c["time"] for p in shown for c, _, _ in walk(p["comments"])) - BLOGGER_TZ
            w.fetch(home, t, ip, http_message("HTTP/1.1 200 OK", response_headers(
                t, "text/html; charset=UTF-8", body, modified=newest), body))
            pages.append({"url": home, "warc_date": utc_iso(t), "http_status": 200, "mime": "text/html",
                          "role": "listing", "thread": False,
                          "note": "the blog's home page: a listing of posts, not a post; no comments"})
        page, url, expected, n = threaded_page(view, view_post, idx)
        body = page.encode("utf-8")
        latest = max([view_post["when"]] + [c["time"] for c, _, _ in walk(view_post["comments"])]) - BLOGGER_TZ
        headers = response_headers(when, "text/html; charset=UTF-8", body, modified=latest)
        rid, digest = w.fetch(target, when, ip, http_message("HTTP/1.1 200 OK", headers, body),
                              referer=home if k == 1 else None)
        captures.append({"type": "response", "warc_date": utc_iso(when), "offset": w.records[-2]["offset"],
                         "record_id": rid, "payload_digest": digest, "comment_count_shown": n,
                         "comments": [c["id"] for c in expected]})
        snapshots.append((utc_iso(when), expected))
        if k == 1:
            t = when + dt.timedelta(seconds=2)
            png = chart_png(xrng)
            w.fetch(WARC_IMAGE_URL, t, f"198.51.100.{xrng.randint(2, 254)}", http_message(
                "HTTP/1.1 200 OK", response_headers(t, "image/png", png, modified=dt.datetime(2013, 2, 14, 17, 2, 9)),
                png), referer=home)
            pages.append({"url": WARC_IMAGE_URL, "warc_date": utc_iso(t), "http_status": 200, "mime": "image/png",
                          "role": "image", "thread": False, "note": "the home page's header image (60x40 PNG)"})
        if k == 2:
            t = when + dt.timedelta(seconds=4)
            body = blogger_not_found(blog).encode("utf-8")
            w.fetch(WARC_MISSING_URL, t, ip, http_message("HTTP/1.1 404 Not Found", response_headers(
                t, "text/html; charset=UTF-8", body, etag=False), body), referer=target)
            pages.append({"url": WARC_MISSING_URL, "warc_date": utc_iso(t), "http_status": 404, "mime": "text/html",
                          "role": "not_found", "thread": False,
                          "note": "a post deleted before the crawl (its URL still looks like a post's): "
                                  "Blogger's 404 page, nothing to extract"})
            final = (rid, digest, headers, when, n, expected)

    # One day later the page has not changed: a revisit instead of the same payload again.
    rid3, digest3, headers3, when3, n3, expected3 = final
    head = dict(headers3)
    head.update({"Expires": http_date(WARC_REVISIT), "Date": http_date(WARC_REVISIT)})
    rid = w.revisit(target, WARC_REVISIT, ip, http_message("HTTP/1.1 200 OK", list(head.items())),
                    rid3, when3, digest3)
    captures.append({"type": "revisit", "warc_date": utc_iso(WARC_REVISIT), "offset": w.records[-2]["offset"],
                     "record_id": rid, "payload_digest": digest3, "refers_to": rid3,
                     "refers_to_date": utc_iso(when3), "comment_count_shown": n3,
                     "comments": [c["id"] for c in expected3]})
    snapshots.append((utc_iso(WARC_REVISIT), expected3))

    merged = merge_captures(snapshots)
    comments = [{"id": m["id"], "parent": m["parent"], "depth": m["depth"], "position": i + 1,
                 "author": m["author"], "is_post_author": m["is_post_author"], "published": m["published"],
                 "status": m["status"], "text": m["text"], "spam": m["spam"], "first_seen": m["first_seen"],
                 "last_seen": m["last_seen"], "status_changed": m["status_changed"]}
                for i, m in enumerate(merged)]
    statuses = [c["status"] for c in comments]
    assert statuses.count("removed_by_admin") == 1 and statuses.count("vanished") == 1
    assert sum(1 for c in comments if c["first_seen"] == captures[1]["warc_date"]) == 1

    records = [{"offset": r["offset"], "type": r["type"], "uri": r["uri"], "warc_date": r["date"],
                "record_id": r["id"]} for r in w.records]
    doc = {
        "generator": "scripts/make-demo-archive.py",
        "file": WARC_PATH,
        "post": {"url": blogger_url(blog, post), "target_uri": target, "title": post["title"],
                 "author": blog["people"][blog["author"]]["name"], "published": post["when"].strftime("%Y-%m-%d"),
                 "published_raw": long_date(post["when"]), "comment_count_shown": n3,
                 "captures": len(captures), "responses": sum(1 for c in captures if c["type"] == "response"),
                 "revisits": sum(1 for c in captures if c["type"] == "revisit"),
                 "first_captured": captures[0]["warc_date"], "last_captured": captures[-1]["warc_date"]},
        "captures": captures,
        "comments": comments,
        "other_responses": pages,
        "records": records,
        "totals": {"records": len(records),
                   "by_type": {t: sum(1 for r in records if r["type"] == t)
                               for t in ("warcinfo", "response", "request", "revisit")},
                   "comments": len(comments),
                   **{s: statuses.count(s) for s in ("visible", "removed_by_admin", "removed_by_author",
                                                      "vanished")}},
    }
    return bytes(w.data), doc


# --- The WordPress export (engagementlab) -----------------------------------

EXPORT_CREATED = dt.datetime(2012, 12, 1, 9, 14, 7)
EXPORT_PEOPLE = {
    "followers": {"name": "Get More Followers", "url": "http://www.get-more-followers.example.com/"},
    "realtalk": {"name": "realtalk", "url": None},
    "bags": {"name": "Designer Bags Outlet", "url": "http://www.designer-bags-outlet.example.com/"},
}
EL_USER_IDS = {"priya": 1, "owen": 2}

# Comments only the export holds (the pages never showed them), each with a free
# comment id between the ids WordPress gave the comments around it:
# (post slug, comment id, parent id, who, written (UTC), wp:comment_approved, text, trash meta)
EXPORT_ONLY = [
    ("influence-scores-and-community-managers", 28, None, "followers", "2011-05-19 17:41", "spam",
     "Want a higher influence score? We deliver 10,000 real followers in 48 hours, guaranteed! "
     "[[Get More Followers|http://www.get-more-followers.example.com/]]", None),
    ("what-counts-as-engagement", 59, 53, "realtalk", "2011-07-23 19:40", "trash",
     "Felix, \"engagement\" is a word consultants made up so they can bill for it. This whole blog is "
     "marketing.", "0"),
    ("spam-season", 65, None, "bags", "2011-08-17 12:20", "spam",
     "Nice article, thanks for sharing! Visit our store for discount designer bags & free shipping on "
     "every order.", None),
    # Sent before it was finished; the full comment (134) followed four minutes later.
    ("measuring-the-quiet-majority", 133, None, "robt", "2012-03-24 04:56", "trash",
     "I never comment anywhere. This is my first one in years.", "1"),
]

EXPORT_DRAFT = {
    "title": "Stipends, year two: what we would change", "author": "priya",
    "saved": dt.datetime(2012, 11, 27, 16, 2, 11), "labels": ["Moderation"],
    "body": ["Notes for January, when the stipends reach two more sites. Not for publication yet.",
             "Pay monthly rather than quarterly; write down what counts as an hour of moderation; ask the "
             "French team how they handle volunteers who moderate on several sites."],
}


def rss_date(d):                       # "Mon, 14 Feb 2011 10:30:00 +0000"
    return f"{DAYS[d.weekday()][:3]}, {d.day:02d} {MONTHS[d.month - 1][:3]} {d.year} {d.strftime('%H:%M:%S')} +0000"


def wxr_cdata(s):
    return "<![CDATA[" + s.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def wxr_comment_content(text):
    """A comment as WordPress stores it: paragraphs apart by a blank line (wpautop makes
    them <p> on the page), links as typed plus rel="nofollow", a bare & as &amp; (kses)."""
    return "\n\n".join(render_inline(p, esc)[0] for p in text.split("\n"))


def email_for(name, domain="example.com"):
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return ".".join(re.findall(r"[a-z0-9]+", folded)) + "@" + domain


def build_export(xrng):
    """The WXR file and its ground truth."""
    blog = EL
    people = dict(EL_PEOPLE, **EXPORT_PEOPLE)
    ips = {}

    def ip_of(who):
        if who not in ips:
            ips[who] = f"{xrng.choice(['192.0.2', '198.51.100', '203.0.113'])}.{xrng.randint(2, 254)}"
        return ips[who]

    # Every comment and pingback of the blog by id, to check that the export-only ones
    # take free ids at the right moment.
    everything = {}
    for post in blog["posts"]:
        for item in post["comments"]:
            if item["kind"] == "pingback":
                everything[item["wpid"]] = item["time"]
        for c, _, _ in walk(post["comments"]):
            everything[c["wpid"]] = c["time"]
    extras = {}
    for slug, cid, parent, who, written, approved, text, trash in EXPORT_ONLY:
        when = dt.datetime.strptime(written, "%Y-%m-%d %H:%M")
        assert cid not in everything
        assert max(t for i, t in everything.items() if i < cid) < when < min(t for i, t in everything.items()
                                                                             if i > cid), cid
        extras.setdefault(slug, []).append({"wpid": cid, "parent": parent, "who": who, "time": when,
                                            "approved": approved, "text": text, "trash": trash})
    assert set(extras) <= {p["slug"] for p in blog["posts"]}

    labels = []
    for post in blog["posts"]:
        for label in post["labels"]:
            if label not in labels:
                labels.append(label)
    term, term_ids = 1, {}
    for label in sorted(labels):
        term += 1 + xrng.randint(0, 2)
        term_ids[label] = term

    def category_tags(post_labels):
        return "".join(f'\t\t<category domain="category" nicename="{label.lower()}">{wxr_cdata(label)}</category>\n'
                       for label in post_labels)

    def comment_xml(e):
        meta = "".join(f"\t\t\t<wp:commentmeta>\n\t\t\t\t<wp:meta_key>{k}</wp:meta_key>\n"
                       f"\t\t\t\t<wp:meta_value>{wxr_cdata(v)}</wp:meta_value>\n\t\t\t</wp:commentmeta>\n"
                       for k, v in e["meta"])
        return (f"\t\t<wp:comment>\n"
                f"\t\t\t<wp:comment_id>{e['id']}</wp:comment_id>\n"
                f"\t\t\t<wp:comment_author>{wxr_cdata(e['author'])}</wp:comment_author>\n"
                f"\t\t\t<wp:comment_author_email>{e['email']}</wp:comment_author_email>\n"
                f"\t\t\t<wp:comment_author_url>{attr(e['url'] or '')}</wp:comment_author_url>\n"
                f"\t\t\t<wp:comment_author_IP>{e['ip']}</wp:comment_author_IP>\n"
                f"\t\t\t<wp:comment_date>{e['date']}</wp:comment_date>\n"
                f"\t\t\t<wp:comment_date_gmt>{e['date']}</wp:comment_date_gmt>\n"
                f"\t\t\t<wp:comment_content>{wxr_cdata(e['content'])}</wp:comment_content>\n"
                f"\t\t\t<wp:comment_approved>{e['approved']}</wp:comment_approved>\n"
                f"\t\t\t<wp:comment_type>{e['type']}</wp:comment_type>\n"
                f"\t\t\t<wp:comment_parent>{e['parent']}</wp:comment_parent>\n"
                f"\t\t\t<wp:comment_user_id>{e['user']}</wp:comment_user_id>\n"
                f"{meta}\t\t</wp:comment>\n")

    def item_xml(post_id, title, link, pub, creator, content, post_date, post_date_gmt, open_, name, status,
                 post_labels, comments):
        return (f"\t<item>\n"
                f"\t\t<title>{esc(title)}</title>\n"
                f"\t\t<link>{link}</link>\n"
                f"\t\t<pubDate>{pub}</pubDate>\n"
                f"\t\t<dc:creator>{creator}</dc:creator>\n"
                f'\t\t<guid isPermaLink="false">http://{EL_HOST}/?p={post_id}</guid>\n'
                f"\t\t<description></description>\n"
                f"\t\t<content:encoded>{wxr_cdata(content)}</content:encoded>\n"
                f"\t\t<excerpt:encoded>{wxr_cdata('')}</excerpt:encoded>\n"
                f"\t\t<wp:post_id>{post_id}</wp:post_id>\n"
                f"\t\t<wp:post_date>{post_date}</wp:post_date>\n"
                f"\t\t<wp:post_date_gmt>{post_date_gmt}</wp:post_date_gmt>\n"
                f"\t\t<wp:comment_status>{'open' if open_ else 'closed'}</wp:comment_status>\n"
                f"\t\t<wp:ping_status>{'open' if open_ else 'closed'}</wp:ping_status>\n"
                f"\t\t<wp:post_name>{name}</wp:post_name>\n"
                f"\t\t<wp:status>{status}</wp:status>\n"
                f"\t\t<wp:post_parent>0</wp:post_parent>\n"
                f"\t\t<wp:menu_order>0</wp:menu_order>\n"
                f"\t\t<wp:post_type>post</wp:post_type>\n"
                f"\t\t<wp:post_password></wp:post_password>\n"
                f"\t\t<wp:is_sticky>0</wp:is_sticky>\n"
                f"{category_tags(post_labels)}"
                f"\t\t<wp:postmeta>\n\t\t\t<wp:meta_key>_edit_last</wp:meta_key>\n"
                f"\t\t\t<wp:meta_value>{wxr_cdata(str(EL_USER_IDS[creator]))}</wp:meta_value>\n\t\t</wp:postmeta>\n"
                + "".join(comment_xml(e) for e in comments) +
                f"\t</item>\n")

    items, posts_doc = [], []
    for post in blog["posts"]:
        entries = []
        page_ids = set()
        parents = {}
        for c, depth, parent in walk(post["comments"]):
            parents[c["wpid"]] = parent["wpid"] if parent else 0
        for item in post["comments"]:
            if item["kind"] == "pingback":
                entries.append({"id": item["wpid"], "author": item["title"], "email": "", "url": item["url"],
                                "time": item["time"], "approved": "1", "type": "pingback", "parent": 0,
                                "user": 0, "who": None, "meta": [],
                                "content": f"[&#8230;] {texturize(post['title'])}, over at Engagement Lab [&#8230;]"})
        for c, depth, parent in walk(post["comments"]):
            assert c["status"] in ("visible", "pending")
            person = people[c["who"]]
            page_ids.add(c["wpid"])
            entries.append({"id": c["wpid"], "author": person["name"], "url": person["url"], "time": c["time"],
                            "approved": "1" if c["status"] == "visible" else "0", "type": "",
                            "parent": parents[c["wpid"]], "user": EL_USER_IDS.get(person.get("user"), 0),
                            "who": c["who"], "meta": [], "content": wxr_comment_content(c["text"])})
        for x in extras.get(post["slug"], []):
            person = people[x["who"]]
            meta = []
            if x["approved"] == "spam":
                meta.append(("akismet_result", "true"))
            if x["trash"] is not None:
                trashed = x["time"] + dt.timedelta(hours=xrng.randint(2, 30), minutes=xrng.randint(0, 59))
                meta += [("_wp_trash_meta_status", x["trash"]),
                         ("_wp_trash_meta_time", str(int((trashed - EPOCH).total_seconds())))]
            entries.append({"id": x["wpid"], "author": person["name"], "url": person["url"], "time": x["time"],
                            "approved": x["approved"], "type": "", "parent": x["parent"] or 0, "user": 0,
                            "who": x["who"], "meta": meta, "content": wxr_comment_content(x["text"])})
        for e in sorted(entries, key=lambda e: e["id"]):
            seconds = xrng.randrange(60)
            e["date"] = (e["time"] + dt.timedelta(seconds=seconds)).strftime("%Y-%m-%d %H:%M:%S")
            if e["who"] is not None:
                person = people[e["who"]]
                if e["who"] in EL_USER_IDS:
                    e["email"] = f"{e['who']}@{EL_HOST}"
                elif person["url"] and "example" in person["url"] and e["approved"] == "spam":
                    e["email"] = "sales@" + person["url"].split("://", 1)[1].split("/")[0].removeprefix("www.")
                else:
                    e["email"] = email_for(person["name"])
                e["ip"] = ip_of(e["who"])
            else:
                e["ip"] = ip_of("pingback:" + e["url"].split("/")[2])
        entries.sort(key=lambda e: e["id"])
        d = post["when"]
        stamp = d.strftime("%Y-%m-%d %H:%M:%S")
        items.append((post["wp_post_id"], item_xml(
            post["wp_post_id"], post["title"], wp_url(post), rss_date(d), post["author"], "\n\n".join(post["body"]),
            stamp, stamp, not post["closed"], post["slug"], "publish", post["labels"], entries)))

        # Ground truth: comments in display order (depth first, siblings oldest first), pingbacks apart.
        status_names = {"1": "visible", "0": "pending", "spam": "spam", "trash": "deleted"}
        plain = [e for e in entries if e["type"] == ""]
        ids = {e["id"] for e in plain}
        children = {}
        for e in plain:
            children.setdefault(e["parent"] if e["parent"] in ids else 0, []).append(e)
        ordered = []

        def visit(parent_id, depth):
            for e in sorted(children.get(parent_id, []), key=lambda e: (e["date"], e["id"])):
                ordered.append({"id": f"comment-{e['id']}", "parent": f"comment-{e['parent']}" if e["parent"] else None,
                                "depth": depth, "author": e["author"], "status": status_names[e["approved"]],
                                "on_page": e["id"] in page_ids})
                visit(e["id"], depth + 1)

        visit(0, 1)
        pingbacks = [e for e in entries if e["type"] == "pingback"]
        posts_doc.append({
            "post_id": post["wp_post_id"], "url": wp_url(post), "title": post["title"],
            "published": d.strftime("%Y-%m-%dT%H:%M:%S"), "page": page_path(blog, post),
            "comment_status": "open" if not post["closed"] else "closed",
            "comments": ordered, "pingbacks": len(pingbacks),
            "pingback_ids": [f"comment-{e['id']}" for e in pingbacks],
        })

    draft_id = max(p["wp_post_id"] for p in blog["posts"]) + 3
    dr = EXPORT_DRAFT
    items.append((draft_id, item_xml(
        draft_id, dr["title"], f"http://{EL_HOST}/?p={draft_id}", "Wed, 30 Nov -0001 00:00:00 +0000", dr["author"],
        "\n\n".join(dr["body"]), dr["saved"].strftime("%Y-%m-%d %H:%M:%S"), "0000-00-00 00:00:00", True, "",
        "draft", dr["labels"], [])))

    authors = "".join(
        f"\t<wp:author><wp:author_id>{uid}</wp:author_id><wp:author_login>{login}</wp:author_login>"
        f"<wp:author_email>{login}@{EL_HOST}</wp:author_email>"
        f"<wp:author_display_name>{wxr_cdata(EL_AUTHORS[login])}</wp:author_display_name>"
        f"<wp:author_first_name>{wxr_cdata(EL_AUTHORS[login].split()[0])}</wp:author_first_name>"
        f"<wp:author_last_name>{wxr_cdata(EL_AUTHORS[login].split()[1])}</wp:author_last_name></wp:author>\n"
        for login, uid in sorted(EL_USER_IDS.items(), key=lambda kv: kv[1]))
    categories = "".join(
        f"\t<wp:category><wp:term_id>{term_ids[label]}</wp:term_id><wp:category_nicename>{label.lower()}"
        f"</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>{wxr_cdata(label)}"
        f"</wp:cat_name></wp:category>\n" for label in sorted(labels))
    xml = f"""<?xml version="1.0" encoding="UTF-8" ?>
<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->
<!-- It holds the posts of the site with their comments, categories and authors. -->
<!-- Import it with the WordPress importer (Tools: Import). -->

<!-- generator="WordPress/3.4.2" created="{EXPORT_CREATED.strftime('%Y-%m-%d %H:%M')}" -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>

<channel>
	<title>{blog['title']}</title>
	<link>http://{EL_HOST}</link>
	<description>{esc(blog['description'])}</description>
	<pubDate>{rss_date(EXPORT_CREATED)}</pubDate>
	<language>en-US</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>http://{EL_HOST}</wp:base_site_url>
	<wp:base_blog_url>http://{EL_HOST}</wp:base_blog_url>

{authors}
{categories}
	<generator>http://wordpress.org/?v=3.4.2</generator>

{"".join(x for _, x in sorted(items))}</channel>
</rss>
"""
    comments = [c for p in posts_doc for c in p["comments"]]
    doc = {
        "generator": "scripts/make-demo-archive.py",
        "file": EXPORT_PATH,
        "format": "WordPress eXtended RSS 1.2",
        "created": EXPORT_CREATED.strftime("%Y-%m-%d %H:%M"),
        "posts": posts_doc,
        "not_counted": [{"post_id": draft_id, "title": dr["title"], "status": "draft",
                         "reason": "a draft is not a published post: no record"}],
        "totals": {
            "posts": len(posts_doc),
            "posts_with_comments": sum(1 for p in posts_doc if p["comments"]),
            "drafts_not_counted": 1,
            "comments": len(comments),
            **{s: sum(1 for c in comments if c["status"] == s) for s in ("visible", "pending", "spam", "deleted")},
            "replies": sum(1 for c in comments if c["parent"] is not None),
            "only_in_export": sum(1 for c in comments if not c["on_page"]),
            "pingbacks": sum(p["pingbacks"] for p in posts_doc),
        },
    }
    return xml.encode("utf-8"), doc


def build_extras():
    """({relative path: bytes}, captures truth, export truth); call after build()."""
    global rng
    rng = random.Random(EXTRAS_SEED)   # blogger_id() and friends now draw from this stream
    warc, captures_doc = build_warc(rng)
    xml, export_doc = build_export(rng)
    return {WARC_PATH: warc, EXPORT_PATH: xml}, captures_doc, export_doc


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="archive directory (demo-archive)")
    ap.add_argument("--expected", type=Path, default=DEFAULT_EXPECTED, help="ground-truth JSON file")
    ap.add_argument("--expected-captures", type=Path, default=None,
                    help="truth for the WARC (default: demo-expected-captures.json beside --expected)")
    ap.add_argument("--expected-export", type=Path, default=None,
                    help="truth for the WordPress export (default: demo-expected-export.json beside --expected)")
    args = ap.parse_args()
    captures_path = args.expected_captures or args.expected.parent / "demo-expected-captures.json"
    export_path = args.expected_export or args.expected.parent / "demo-expected-export.json"

    files, doc = build()
    extra_files, captures_doc, export_doc = build_extras()
    files.update(extra_files)
    # Start clean, but only inside the hosts this script owns.
    for host in sorted({path.split("/")[0] for path in files}):
        shutil.rmtree(args.out / host, ignore_errors=True)
    for path in sorted(files):
        target = args.out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(files[path])
    args.expected.parent.mkdir(parents=True, exist_ok=True)
    args.expected.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for path, truth in ((captures_path, captures_doc), (export_path, export_doc)):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    t = doc["totals"]
    print(f"wrote {t['files']} files ({t['post_pages']} post pages, {t['broken_files']} broken) "
          f"to {args.out}")
    print(f"wrote {args.expected}: " + ", ".join(f"{k}={v}" for k, v in t.items()))
    for path in sorted(extra_files):
        print(f"wrote {args.out / path} ({len(extra_files[path])} bytes)")
    t = captures_doc["totals"]
    print(f"wrote {captures_path}: records={t['records']}, captures={captures_doc['post']['captures']}, "
          + ", ".join(f"{k}={t[k]}" for k in ("comments", "visible", "removed_by_admin", "vanished")))
    t = export_doc["totals"]
    print(f"wrote {export_path}: " + ", ".join(f"{k}={v}" for k, v in t.items()))


if __name__ == "__main__":
    main()
