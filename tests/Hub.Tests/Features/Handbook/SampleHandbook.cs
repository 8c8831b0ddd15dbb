using System.Text;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Handbook;

/// <summary>A small GitBook-format handbook written into a temporary folder, with the troubles real ones have.</summary>
public static class SampleHandbook
{
    public static string CorpusFolder => Path.GetFullPath(Path.Combine(TestPaths.RepositoryRoot, "..", "shared", "corpus", "gitbook", "opencollective-docs"));

    public static string Write()
    {
        var root = TestPaths.NewTemporaryDirectory("handbook-sample");
        void Put(string path, string text) => PutBytes(root, path, Encoding.UTF8.GetBytes(text));
        Put(".gitbook.yaml", "root: ./\nstructure:\n  readme: README.md\n  summary: SUMMARY.md\nredirects:\n  old/crews: practices/crews.md\n");
        Put("SUMMARY.md", """
            # Table of contents

            * [Welcome](README.md)

            ## Practices

            * [Crews, in short](practices/crews.md)
              * [Retrospectives](practices/retrospectives.md)
            * [A page that is not there](practices/missing.md)
            * [Microsolidarity website](https://microsolidarity.cc)

            ## Places
            * [Café](places/café.md)
            """);
        Put("README.md", """
            ---
            description: Essays and practices for belonging.
            ---

            # Welcome

            Start with [crews](practices/crews.md#how-a-crew-starts).
            """);
        Put("practices/crews.md", """
            # Crews

            ## How a crew starts <a href="#how-a-crew-starts" id="how-a-crew-starts"></a>

            {% hint style="info" %}
            A crew is an **experiment** of six meetings.
            {% endhint %}

            {% embed url="https://www.youtube.com/watch?v=dQw4w9WgXcQ" %}
            A talk about crews
            {% endembed %}

            ![Circle of chairs](<../.gitbook/assets/circle (1) of chairs.png>)

            ![Lost picture](../.gitbook/assets/lost.png)

            {% glitter %}
            Text inside an unknown tag.
            {% endglitter %}

            See [retrospectives](retrospectives.md) and [the café](../places/café.md).

            <details>
            <summary>Why six?</summary>

            Long enough to trust, short enough to leave.

            </details>
            """);
        Put("practices/retrospectives.md", "# Retrospectives\n\nEach member privately chooses to continue or leave. Back to [crews](crews.md) or [outside](../../secret.md).\n");
        // A decomposed (NFD) file name, as macOS writes it; SUMMARY and links use the composed form.
        Put("places/cafe\u0301.md", "# Café\n\nWhere the congregation gathers.\n");
        PutBytes(root, "practices/binary.md", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0xFF, 0xFE]);
        PutBytes(root, ".gitbook/assets/circle (1) of chairs.png", Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        return root;
    }

    /// <summary>A page (not in SUMMARY) with each construct a script enhances: tabs, numbered code, math, a mermaid diagram.</summary>
    public static void AddConstructs(string root) => PutBytes(root, "practices/constructs.md", Encoding.UTF8.GetBytes("""
        # Constructs

        {% tabs %}
        {% tab title="Crew" %}
        Three to six people.
        {% endtab %}
        {% tab title="Congregation" %}
        Up to a hundred and fifty.
        {% endtab %}
        {% endtabs %}

        {% code title="rooms.sh" lineNumbers="true" %}
        ```bash
        echo one
        echo two
        ```
        {% endcode %}

        Pairs in a crew of $$n$$: $$\frac{n(n-1)}{2}$$.

        $$
        \sum_{k=1}^{n-1} k = \frac{n(n-1)}{2}
        $$

        ```mermaid
        graph TD; Person-->Crew;
        ```
        """));

    /// <summary>
    /// A page (not in SUMMARY) of links to other sites as authors paste them: a % that starts no escape, a
    /// pipe and brackets, a second #, a space in the host. Each must leave the EPUB valid.
    /// </summary>
    public static void AddLinksFromElsewhere(string root) => PutBytes(root, "practices/elsewhere.md", Encoding.UTF8.GetBytes("""
        # Elsewhere

        * [The yearly report](https://example.org/%Yr2024/report)
        * <a href="https://example.org/50%-off">A raw link with a lone percent</a>
        * <a href="https://example.org/s?q=crews|dyads&t=[care]">A search</a>
        * <a href="https://example.org/a#b#c">Two hashes</a>
        * [A café](https://example.org/café)
        * <a href="https://exa mple.org/">A host with a space</a>
        * [Write to the hosts](mailto:hosts@example.org?subject=Hello%20there)
        """));

    public static void PutBytes(string root, string path, byte[] bytes)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }
}
