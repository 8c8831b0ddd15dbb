using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Features.Commons;
using Microsolidarity.Hub.Features.Crews;
using Microsolidarity.Hub.Features.Gatherings;
using Microsolidarity.Hub.Features.Handbook;
using Microsolidarity.Hub.Features.Updates;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Notifications;

namespace Microsolidarity.Hub.Tests.Platform.Background;

/// <summary>
/// Every interval of the background work is one hh:mm:ss setting, checked at start; the older keys (a
/// number of milliseconds, seconds or minutes) are still read when the new one is not set.
/// </summary>
public sealed class BackgroundSettingsTests
{
    [Fact]
    public async Task Start_OlderIntervalKeys_AreStillReadAndANewKeyWins()
    {
        await using var hub = await HubFactory.StartAsync(s =>
        {
            s.Remove("Email:PollInterval");
            s["Email:PollIntervalMs"] = "250";
            s["Updates:PollIntervalMs"] = "150";
            s["Updates:RetryBaseMs"] = "100";
            s["Notifications:DigestCheckMinutes"] = "600";
            s["Crews:ReminderCheckMinutes"] = "7";
            s["Handbook:ResyncCheckSeconds"] = "1";
            s["Gatherings:ReminderPollSeconds"] = "90";
            s["Gatherings:ReminderCheckInterval"] = "00:02:00"; // both set: the new key wins
        }, smtp: false);
        T Options<T>() where T : class => hub.Services.GetRequiredService<IOptions<T>>().Value;

        Assert.Equal(TimeSpan.FromMilliseconds(250), Options<EmailOptions>().PollInterval);
        Assert.Equal(TimeSpan.FromSeconds(30), Options<EmailOptions>().FirstRetryAfter);
        Assert.Equal(TimeSpan.FromMilliseconds(150), Options<UpdatesOptions>().PollInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(100), Options<UpdatesOptions>().FirstRetryAfter);
        Assert.Equal(TimeSpan.FromHours(10), Options<NotificationOptions>().DigestCheckInterval);
        Assert.Equal(TimeSpan.FromMinutes(7), Options<CrewOptions>().ReminderCheckInterval);
        Assert.Equal(TimeSpan.FromSeconds(1), Options<HandbookOptions>().ResyncCheckInterval);
        Assert.Equal(TimeSpan.FromMinutes(2), Options<GatheringsOptions>().ReminderCheckInterval);
        Assert.Equal(TimeSpan.FromHours(1), Options<CommonsOptions>().LapseCheckInterval); // never renamed; its default
    }

    [Theory]
    [InlineData("Notifications:DigestCheckInterval", "24:00:00", "Notifications:DigestCheckInterval", "24:00:00 would mean 24 days")]
    [InlineData("Crews:ReminderCheckMinutes", "0", "or the older Crews:ReminderCheckMinutes", "from 00:00:01 (a second) to 1.00:00:00 (a day)")]
    [InlineData("Handbook:ResyncCheckSeconds", "soon", "Handbook:ResyncCheckSeconds", "a number of seconds")]
    [InlineData("Gatherings:ReminderCheckInterval", "every minute", "Gatherings:ReminderCheckInterval", "must be written hh:mm:ss")]
    [InlineData("Commons:LapseCheckInterval", "-01:00:00", "Commons:LapseCheckInterval", "written hh:mm:ss")]
    [InlineData("Updates:RetryBaseMs", "7200000", "Updates:FirstRetryAfter (or the older Updates:RetryBaseMs", "to 01:00:00")]
    public async Task Start_IntervalOutOfRangeOrUnreadable_RefusesNamingTheSettingAndWhatIsAllowed(string setting, string value, string named, string allowed)
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => HubFactory.StartAsync(s => s[setting] = value, smtp: false));
        var messages = Messages(refused);
        Assert.Contains(named, messages);
        Assert.Contains(allowed, messages);
    }

    private static string Messages(Exception e) => e.InnerException is null ? e.Message : e.Message + " " + Messages(e.InnerException);
}
