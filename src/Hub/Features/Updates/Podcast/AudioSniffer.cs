namespace Microsolidarity.Hub.Features.Updates.Podcast;

/// <summary>
/// What an audio file is, read from its first bytes ("magic numbers") rather than its name, so a
/// page or a script renamed to .mp3 is never served to listeners as audio.
/// </summary>
public static class AudioSniffer
{
    /// <summary>How many bytes from the start <see cref="TypeOf"/> needs.</summary>
    public const int HeaderLength = 12;

    /// <summary>The audio type the bytes start like, as in <see cref="PublishEpisode.AudioTypes"/>; null for anything else.</summary>
    public static string? TypeOf(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("ID3"u8))
        {
            return "audio/mpeg"; // an ID3v2 tag, then MPEG frames
        }
        if (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x06) != 0)
        {
            return "audio/mpeg"; // an MPEG audio frame: 11 sync bits, a layer that is not "reserved" (which AAC uses)
        }
        if (head.Length >= 8 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return "audio/mp4"; // an ISO media file: M4A
        }
        if (head.StartsWith("OggS"u8))
        {
            return "audio/ogg"; // Ogg Vorbis or Opus
        }
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WAVE"u8))
        {
            return "audio/wav";
        }
        return null;
    }
}
