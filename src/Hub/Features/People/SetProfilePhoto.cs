using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Files;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;
using SkiaSharp;

namespace Microsolidarity.Hub.Features.People;

/// <summary>
/// Sets or removes one's own photo. The upload is decoded and re-encoded as a square JPEG, so what
/// is stored is always an image of known size and carries no camera metadata (location, device).
/// Decoding is the costly part, so it is bounded before it starts: the file by bytes, the image by
/// the pixel count its header declares, and each person to one decoded photo a minute.
/// </summary>
public sealed class SetProfilePhoto(HubDbContext db, IFileStore files, TimeProvider time, PhotoUploadThrottle throttle, IStringLocalizer<Strings> strings)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>
    /// What the photo form reads at most. A photo a little over <see cref="MaxBytes"/> (a phone's
    /// 6 or 12 MB original) still arrives, so the form can say beside the field to choose a smaller
    /// one; anything larger is cut off while it streams in (<see cref="UploadLimitAttribute"/>).
    /// </summary>
    public const long MaxUploadBytes = 4 * MaxBytes;

    public const int Size = 512;

    /// <summary>
    /// Refuses "decompression bombs": small files whose header claims enormous pixel counts (a
    /// 49-megapixel PNG of a few hundred kilobytes takes about 200 MB to decode). 25 megapixels is
    /// more than a phone or an ordinary camera makes (6000 × 4000 is 24).
    /// </summary>
    public const long MaxPixels = 25_000_000;

    /// <summary>Where a photo is kept in the file store; null for a name the hub did not write.</summary>
    public static string? KeyOf(string name) => name != "" && Path.GetFileName(name) == name && FileKeys.IsValid(name) ? "photos/" + name : null;

    public async Task<Outcome> RunAsync(string userId, Stream? upload, long length, Visibility visibility, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(visibility))
        {
            return Outcome.Refused(strings["People.Refused.PhotoVisibility"], "PhotoVisibility");
        }
        var profile = await db.Profiles.FindAsync([userId], cancellationToken);
        if (upload is null || length == 0)
        {
            if (profile is null || profile.PhotoFile == "")
            {
                return Outcome.Refused(strings["People.Refused.NoPhoto"], "Photo");
            }
            profile.PhotoVisibility = visibility; // only the visibility changes
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done;
        }
        if (length > MaxBytes)
        {
            return Outcome.Refused(TooLarge(length), "Photo");
        }
        if (throttle.MustWait(userId))
        {
            return Outcome.Refused(strings["People.Refused.PhotoWait"], "Photo");
        }
        // Never more than the limit in memory, whatever length the caller was told.
        var bytes = new byte[MaxBytes + 1];
        var read = await upload.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, cancellationToken);
        if (read > MaxBytes)
        {
            return Outcome.Refused(TooLarge(length), "Photo");
        }
        using var codec = SKCodec.Create(new SKMemoryStream(bytes.AsSpan(0, read).ToArray()));
        if (codec is null)
        {
            return Outcome.Refused(strings["People.Refused.NotAnImage"], "Photo");
        }
        // The header's dimensions, read before a single pixel is decoded.
        var pixels = (long)codec.Info.Width * codec.Info.Height;
        if (pixels > MaxPixels)
        {
            return Outcome.Refused(strings["People.Refused.TooManyPixels", (pixels / 1_000_000.0).ToString("0.#", DateFormats.Culture), MaxPixels / 1_000_000], "Photo");
        }
        if (!throttle.TryTake(userId))
        {
            return Outcome.Refused(strings["People.Refused.PhotoWait"], "Photo");
        }
        var jpeg = Reencode(codec);
        if (jpeg is null)
        {
            return Outcome.Refused(strings["People.Refused.NotAnImage"], "Photo");
        }
        var name = $"{Guid.NewGuid():N}.jpg";
        await files.PutBytesAsync(KeyOf(name)!, jpeg, "image/jpeg", cancellationToken);
        if (profile is null)
        {
            profile = new Profile { UserId = userId };
            db.Profiles.Add(profile);
        }
        var old = profile.PhotoFile;
        profile.PhotoFile = name;
        profile.PhotoVisibility = visibility;
        profile.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await DeleteFileAsync(old); // only after the new one is saved: a failure never leaves a profile without its photo
        return Outcome.Done;
    }

    private string TooLarge(long length) =>
        strings["People.Refused.TooLarge", (length / 1024 / 1024.0).ToString("0.#", DateFormats.Culture), MaxBytes / 1024 / 1024];

    public async Task<Outcome> RemoveAsync(string userId, CancellationToken cancellationToken = default)
    {
        var profile = await db.Profiles.FindAsync([userId], cancellationToken);
        if (profile is null || profile.PhotoFile == "")
        {
            return Outcome.Refused(strings["People.Refused.NoPhotoToRemove"]);
        }
        var old = profile.PhotoFile;
        profile.PhotoFile = "";
        await db.SaveChangesAsync(cancellationToken);
        await DeleteFileAsync(old);
        return Outcome.Done;
    }

    public async Task DeleteFileAsync(string name)
    {
        if (KeyOf(name) is { } key)
        {
            await files.DeleteAsync(key);
        }
    }

    /// <summary>A centred square of <see cref="Size"/> pixels (smaller images are not enlarged), upright, as JPEG; null when not an image.</summary>
    internal static byte[]? Reencode(SKCodec codec)
    {
        // JPEG and WebP can decode at a fraction of their size (down to 1/8): take the smallest that
        // still covers the square we keep, so a 24-megapixel photo costs a few megabytes, not a hundred.
        var full = codec.Info;
        var shorter = Math.Min(full.Width, full.Height);
        var wanted = Math.Min(shorter, Size);
        var scaled = codec.GetScaledDimensions((float)wanted / shorter);
        if (Math.Min(scaled.Width, scaled.Height) < wanted || scaled.Width <= 0 || scaled.Height <= 0)
        {
            scaled = new SKSizeI(full.Width, full.Height);
        }
        using var decoded = new SKBitmap(new SKImageInfo(scaled.Width, scaled.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return null;
        }
        using var turned = ImageOrientation.Upright(decoded, codec.EncodedOrigin);
        var upright = turned ?? decoded;
        var side = Math.Min(upright.Width, upright.Height);
        var size = Math.Min(Size, side);
        var crop = SKRectI.Create((upright.Width - side) / 2, (upright.Height - side) / 2, side, side);
        using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White); // transparent PNGs get a plain background, as JPEG has no alpha
        using var image = SKImage.FromBitmap(upright);
        surface.Canvas.DrawImage(image, crop, SKRect.Create(size, size), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data?.ToArray();
    }

}
