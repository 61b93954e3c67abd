using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace TimeVision.Core.Tests.Architecture;

/// <summary>
/// Which part of Core a type belongs to: a feature folder (<c>Estimating/Vision</c>), Storage, a shared folder
/// (<c>Json</c>, <c>Durable</c>, <c>DependencyInjection</c>) or the composition root (Core's own folder). A feature's DI class lives in
/// <c>Microsoft.Extensions.DependencyInjection</c> by convention, so its folder is read from the source file the
/// compiler recorded in the PDB.
/// </summary>
internal sealed class CoreUnits
{
    /// <summary>The composition root (<c>AddTimeVisionCore</c>, in Core's own folder): it may use everything.</summary>
    public const string Composition = "Composition";

    private const string CoreNamespace = "TimeVision.Core";
    private static readonly string[] Groups = ["Estimating", "Learning", "ModelOps"];

    private readonly Dictionary<string, string> _folderOfTopLevelType;

    private CoreUnits(Dictionary<string, string> folderOfTopLevelType) => _folderOfTopLevelType = folderOfTopLevelType;

    /// <summary>The layer of each group: a unit may depend on its own layer and those below it.</summary>
    public static IReadOnlyDictionary<string, int> Layers { get; } = new Dictionary<string, int>
    {
        ["Json"] = 0, ["Durable"] = 0, ["DependencyInjection"] = 0, ["Storage"] = 1, ["Estimating"] = 2, ["Learning"] = 3, ["ModelOps"] = 4,
    };

    /// <summary>Reads where each type of <paramref name="assembly"/> was written from its portable PDB.</summary>
    public static CoreUnits Of(Assembly assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        var metadata = pe.GetMetadataReader();
        using var pdbProvider = MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(Path.ChangeExtension(assembly.Location, ".pdb")));
        var pdb = pdbProvider.GetMetadataReader();
        var folders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if (type.GetDeclaringType().IsNil && FirstDocument(type, pdb) is { } path)
            {
                folders[$"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}"] = FolderOf(path);
            }
        }

        return new CoreUnits(folders);
    }

    /// <summary>The unit of a type by its full name (<c>+</c> or <c>/</c> before a nested type's name), or <see langword="null"/> when it is not Core's.</summary>
    public string? UnitOf(string fullName, string @namespace)
    {
        if (@namespace == CoreNamespace || @namespace.StartsWith(CoreNamespace + ".", StringComparison.Ordinal))
        {
            var parts = @namespace.Split('.');
            return parts.Length < 3 ? Composition
                : Groups.Contains(parts[2]) && parts.Length >= 4 ? $"{parts[2]}/{parts[3]}"
                : parts[2];
        }

        var topLevel = fullName.Split('+', '/')[0];
        return _folderOfTopLevelType.TryGetValue(topLevel, out var folder) ? folder : null;
    }

    /// <summary>The layer of a unit: that of its group.</summary>
    public static int LayerOf(string unit) => Layers[unit.Split('/')[0]];

    private static string? FirstDocument(TypeDefinition type, MetadataReader pdb)
    {
        foreach (var method in type.GetMethods())
        {
            var debug = pdb.GetMethodDebugInformation(method);
            if (!debug.Document.IsNil)
            {
                return pdb.GetString(pdb.GetDocument(debug.Document).Name);
            }

            foreach (var point in debug.GetSequencePoints())
            {
                return pdb.GetString(pdb.GetDocument(point.Document).Name);
            }
        }

        return null;
    }

    private static string FolderOf(string path)
    {
        var parts = path.Replace('\\', '/').Split('/');
        var core = Array.LastIndexOf(parts, "TimeVision.Core");
        var folder = parts[(core + 1)..^1];
        return folder.Length == 0 ? Composition
            : Groups.Contains(folder[0]) && folder.Length >= 2 ? $"{folder[0]}/{folder[1]}"
            : folder[0];
    }
}
