using Microsolidarity.Hub.Features.Accounts;

namespace Microsolidarity.Hub.Features.Commons;

/// <summary>
/// Links in the commons' emails. The lapse job runs outside any web request, where only
/// Hub:PublicUrl can say where the hub lives; without it the email carries the path alone
/// rather than failing to tell the person at all.
/// </summary>
public sealed class CommonsLinks(AccountLinks links, ILogger<CommonsLinks> logger)
{
    public string To(string path)
    {
        try
        {
            return links.Absolute(path, new Dictionary<string, string?>());
        }
        catch (InvalidOperationException)
        {
            logger.LogWarning("Hub:PublicUrl is not set, so an email from a background job links to {Path} without the hub's address", path);
            return path;
        }
    }
}
