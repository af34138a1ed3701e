import XCTest

// Placeholder; replaced by real tests.
final class ArchiveURLsTestsPlaceholder: XCTestCase {}
