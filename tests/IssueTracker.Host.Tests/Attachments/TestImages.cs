using NetVips;

namespace IssueTracker.Host.Tests.Attachments;

/// <summary>Photos made by libvips in the test itself (no binaries in the repository).</summary>
public static class TestImages
{
    public const string GpsLatitude = "exif-ifd3-GPSLatitude";

    /// <summary>A landscape picture: its left half red, its right half blue; 12 × 8 of them make a tile pattern.</summary>
    public static Image Landscape(int width = 300, int height = 200)
    {
        var red = Image.Black(width / 2, height, bands: 3).NewFromImage(200, 20, 20);
        var blue = Image.Black(width - width / 2, height, bands: 3).NewFromImage(20, 20, 200);
        return red.Join(blue, Enums.Direction.Horizontal).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    }

    public static byte[] Jpeg(int width = 300, int height = 200) => Landscape(width, height).JpegsaveBuffer(q: 90);
    public static byte[] Png(int width = 300, int height = 200) => Landscape(width, height).PngsaveBuffer();
    public static byte[] Webp(int width = 300, int height = 200) => Landscape(width, height).WebpsaveBuffer(q: 90);

    /// <summary>
    /// A phone photo: EXIF with the home's GPS position and orientation 6 (the camera was turned: shown upright, the
    /// stored landscape pixels are rotated 90° clockwise, so the red half ends up on top).
    /// </summary>
    public static byte[] PhoneJpegWithGps()
    {
        using var image = Landscape().Mutate(m =>
        {
            m.Set(GValue.GIntType, "orientation", 6);
            m.Set(GValue.GStrType, GpsLatitude, "31/1 52/1 1234/100");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitudeRef", "N");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLongitude", "117/1 17/1 5678/100");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLongitudeRef", "E");
            m.Set(GValue.GStrType, "exif-ifd0-Make", "TestPhone");
        });
        return image.JpegsaveBuffer(q: 90);
    }

    /// <summary>Noise compresses badly: a JPEG of about <paramref name="megabytes"/> MB.</summary>
    public static byte[] NoisyJpeg(double megabytes)
    {
        var side = (int)Math.Sqrt(megabytes * 1_000_000 / 2.2);
        using var noise = Image.Gaussnoise(side, side, mean: 128, sigma: 60).Bandjoin(Image.Gaussnoise(side, side, mean: 128, sigma: 60),
            Image.Gaussnoise(side, side, mean: 128, sigma: 60)).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return noise.JpegsaveBuffer(q: 95);
    }

    /// <summary>20,000 × 20,000 pixels (400 megapixels) in a few KB: decoded, it would take 400 MB.</summary>
    public static byte[] PngBomb() => Image.Black(20_000, 20_000).PngsaveBuffer(compression: 9, bitdepth: 1);
}
