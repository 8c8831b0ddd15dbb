using Microsolidarity.Hub.Platform.Email.Inbound;

namespace Microsolidarity.Hub.Tests.Platform.Email.Inbound;

/// <summary>Replies as the common mail programs write them: only the person's own words are left.</summary>
public sealed class ReplyTextTests
{
    [Fact]
    public void Strip_GmailWithWrappedAttribution_KeepsTheAnswerAndSignOff()
    {
        const string reply = """
            Yes, I can host on Thursday.

            Ana

            On Thu, Dec 3, 2026 at 10:04 AM Lisbon Commons Hub <
            replies+k3j2h5g4f3d2s1a2@hub.example> wrote:

            > Hello Ana,
            >
            > Ben posted in "Next gathering": who can host?
            >
            """;
        Assert.Equal("Yes, I can host on Thursday.\n\nAna", ReplyText.Strip(reply));
    }

    [Fact]
    public void Strip_GmailInGerman_CutsAtTheAttribution()
    {
        const string reply = """
            Ich bin dabei.

            Am Do., 3. Dez. 2026 um 10:04 Uhr schrieb Lisbon Commons Hub <
            replies+k3j2h5g4f3d2s1a2@hub.example>:

            > Hello Ana,
            """;
        Assert.Equal("Ich bin dabei.", ReplyText.Strip(reply));
    }

    [Fact]
    public void Strip_AppleMailOnAPhone_DropsQuotedAttributionAndSentFrom()
    {
        const string reply = "Count me in!\r\n\r\nSent from my iPhone\r\n\r\n> On 3 Dec 2026, at 10:04, Lisbon Commons Hub <replies+k3j2@hub.example> wrote:\r\n> \r\n> Hello Ana,\r\n> Ben posted something.\r\n";
        Assert.Equal("Count me in!", ReplyText.Strip(reply));
    }

    [Fact]
    public void Strip_AppleMailOnADesktop_CutsAtTheUnquotedAttribution()
    {
        const string reply = """
            Thanks, see you there.
            Tove

            On 3. Dec 2026, at 10:04, Lisbon Commons Hub <hub@hub.example> wrote:

            Hello Tove,
            """;
        Assert.Equal("Thanks, see you there.\nTove", ReplyText.Strip(reply));
    }

    [Fact]
    public void Strip_OutlookOriginalMessage_CutsTheHeaderBlockAndAllAfter()
    {
        const string reply = """
            I'll bring the tea.

            Ana

            -----Original Message-----
            From: Lisbon Commons Hub <replies+k3j2@hub.example>
            Sent: Thursday, December 3, 2026 10:04 AM
            To: Ana Example <ana@example.org>
            Subject: New post in "Next gathering"

            Hello Ana,
            """;
        Assert.Equal("I'll bring the tea.\n\nAna", ReplyText.Strip(reply));
    }

    [Fact]
    public void Strip_OutlookUnderscoreLine_CutsThere()
    {
        const string reply = """
            Sounds good to me.

            ________________________________
            From: Lisbon Commons Hub <replies+k3j2@hub.example>
            Sent: Thursday, 3 December 2026 10:04
            To: Ana Example <ana@example.org>
            Subject: New post
            """;
        Assert.Equal("Sounds good to me.", ReplyText.Strip(reply));
    }

    [Fact]
    public void Strip_OutlookMobileWithoutSeparator_CutsAtFromAndDropsGetOutlook()
    {
        const string reply = """
            Agreed.

            Get Outlook for Android<https://aka.ms/AAb9ysg>

            From: Lisbon Commons Hub <replies+k3j2@hub.example>
            Sent: Thursday, December 3, 2026 10:04:12 AM
            To: Ana Example <ana@example.org>
            Subject: New post
            """;
        Assert.Equal("Agreed.", ReplyText.Strip(reply));
    }

    [Fact]
    public void Strip_ThunderbirdWithSignature_KeepsNeitherQuoteNorSignature()
    {
        const string above = "I'm in.\n\n-- \nAna Example\nLisbon\n";
        Assert.Equal("I'm in.", ReplyText.Strip(above));
        const string below = "I'm in.\n\nOn 03/12/2026 10:04, Lisbon Commons Hub wrote:\n> Hello Ana,\n";
        Assert.Equal("I'm in.", ReplyText.Strip(below));
    }

    [Fact]
    public void Strip_InterleavedAnswers_KeepsEachAnswer()
    {
        const string reply = "> Can you bring chairs?\nYes, four.\n> And a kettle?\nNo kettle, sorry.\n";
        Assert.Equal("Yes, four.\nNo kettle, sorry.", ReplyText.Strip(reply));
    }

    [Fact]
    public void Strip_OwnWordsThatLookLikeAnAttribution_AreKept()
    {
        const string reply = "Lovely.\nOn Monday Ben wrote:\nthat we should meet earlier. I agree.";
        Assert.Equal(reply, ReplyText.Strip(reply));
    }

    [Fact]
    public void Strip_OnlyTheQuoteAndASignature_IsEmpty()
    {
        Assert.Equal("", ReplyText.Strip("\n\nOn Thu, Dec 3, 2026 at 10:04 AM Hub <hub@hub.example> wrote:\n> Hello\n"));
        Assert.Equal("", ReplyText.Strip("-- \nAna\n"));
    }

    [Fact]
    public void FromHtml_Gmail_DropsTheQuoteDiv()
    {
        const string html = """
            <div dir="ltr">Yes, I can host on <b>Thursday</b>.<br><br>Ana</div><br>
            <div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Thu, Dec 3, 2026 at 10:04 AM Hub &lt;<a href="mailto:replies+k3j2@hub.example">replies+k3j2@hub.example</a>&gt; wrote:<br></div>
            <blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex"><p>Hello Ana,</p><p>Ben posted.</p></blockquote></div>
            """;
        Assert.Equal("Yes, I can host on Thursday.\n\nAna", ReplyText.FromHtml(html));
    }

    [Fact]
    public void FromHtml_Outlook_DropsEverythingAfterTheReplyMark()
    {
        const string html = """
            <html><head><style>p { margin: 0 }</style></head><body>
            <div style="font-family: Aptos">I&#39;ll bring the tea &amp; cups.</div>
            <div id="appendonsend"></div>
            <hr style="display:inline-block;width:98%">
            <div id="divRplyFwdMsg" dir="ltr"><b>From:</b> Lisbon Commons Hub<br><b>Sent:</b> Thursday</div>
            <div>Hello Ana,</div>
            </body></html>
            """;
        Assert.Equal("I'll bring the tea & cups.", ReplyText.FromHtml(html));
    }
}
