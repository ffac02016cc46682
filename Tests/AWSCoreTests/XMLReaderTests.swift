import FoundationEssentials
import Testing
@testable import AWSCore

@Suite struct XMLReaderTests {
    @Test func readsNestedElementsTextAndEntities() throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- a comment -->
        <s3:ListBucketResult xmlns:s3="http://s3.amazonaws.com/doc/2006-03-01/">
          <Name>bucket</Name>
          <Contents><Key>a &amp; b &lt;c&gt; &#x41;&#66;</Key><Size>3</Size></Contents>
          <Contents><Key><![CDATA[<raw>]]></Key><Size>4</Size></Contents>
          <Empty/>
        </s3:ListBucketResult>
        """
        let root = try XMLReader.parse(Data(xml.utf8))
        #expect(root.name == "ListBucketResult")
        #expect(root.text("Name") == "bucket")
        #expect(root.children("Contents").map { $0.text("Key") } == ["a & b <c> AB", "<raw>"])
        #expect(root.child("Empty")?.text == "")
        #expect(root.first(named: "Size")?.text == "3")
        #expect(root.text("Missing", "Key") == nil)
    }

    @Test(arguments: [
        "", "<a>", "<a></b>", "<a>x</a><b/>", "text", "<a>&bogus;</a>", "<a>&amp</a>", "<a", "<>x</>",
    ])
    func rejectsMalformedDocuments(_ xml: String) {
        #expect(throws: XMLReader.Failure.self) { try XMLReader.parse(Data(xml.utf8)) }
    }
}
