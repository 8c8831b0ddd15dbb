using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Tests.Platform.Localization;

/// <summary>The hub's own words as a page reads them (in the current UI language), for tests that call a writer directly, without a hub.</summary>
public static class HubWords
{
    public static readonly IStringLocalizer<Strings> Localizer =
        new StringLocalizer<Strings>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
}
