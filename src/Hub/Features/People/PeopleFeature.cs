using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.People;

public static class PeopleFeature
{
    /// <summary>Reflection prompts from the practice: interior curiosity about one's own feelings, needs and stories.</summary>
    public static readonly string[] Prompts =
    [
        "What am I feeling right now?",
        "What do I need?",
        "What am I avoiding?",
        "What is my learning edge?",
        "Which part of me spoke loudest today, and what did it want?",
        "Where did I notice a habit of domination, or of partnership?",
    ];

    public static WebApplicationBuilder AddPeople(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ProfileVisibility>();
        builder.Services.AddScoped<SaveProfile>();
        builder.Services.AddScoped<SetProfilePhoto>();
        builder.Services.AddSingleton<PhotoUploadThrottle>();
        builder.Services.AddScoped<WriteJournalEntry>();
        builder.Services.AddScoped<IPersonalData, PeoplePersonalData>();
        return builder;
    }
}
