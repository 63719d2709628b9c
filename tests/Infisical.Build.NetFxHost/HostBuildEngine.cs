using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.Build.Framework;

namespace Infisical.Build.NetFxHost;

/// <summary>
/// The part of MSBuild's engine a single task sees: it records every event the task logs and keeps registered
/// task objects in memory for the life of the process (one "build"). Building other projects is not supported:
/// a task that tries gets <c>false</c>, as if the build failed.
/// </summary>
internal sealed class HostBuildEngine : IBuildEngine4
{
    private readonly ConcurrentDictionary<object, object> _registered = new ConcurrentDictionary<object, object>();

    public HostBuildEngine(string projectFile) => ProjectFileOfTaskNode = projectFile;

    public List<BuildErrorEventArgs> Errors { get; } = new List<BuildErrorEventArgs>();

    public List<BuildWarningEventArgs> Warnings { get; } = new List<BuildWarningEventArgs>();

    public List<BuildMessageEventArgs> Messages { get; } = new List<BuildMessageEventArgs>();

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode { get; }

    public bool IsRunningMultipleNodes => false;

    // Tasks may log from worker threads, as they may in MSBuild.
    public void LogErrorEvent(BuildErrorEventArgs e)
    {
        lock (Errors)
        {
            Errors.Add(e);
        }
    }

    public void LogWarningEvent(BuildWarningEventArgs e)
    {
        lock (Warnings)
        {
            Warnings.Add(e);
        }
    }

    public void LogMessageEvent(BuildMessageEventArgs e)
    {
        lock (Messages)
        {
            Messages.Add(e);
        }
    }

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs, string toolsVersion) => false;

    public bool BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties, IDictionary[] targetOutputsPerProject, string[] toolsVersion, bool useResultsCache, bool unloadProjectsOnCompletion) => false;

    public BuildEngineResult BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties, IList<string>[] removeGlobalProperties, string[] toolsVersion, bool returnTargetOutputs) =>
        new BuildEngineResult(false, new List<IDictionary<string, ITaskItem[]>>());

    public void Yield()
    {
    }

    public void Reacquire()
    {
    }

    public void RegisterTaskObject(object key, object obj, RegisteredTaskObjectLifetime lifetime, bool allowEarlyCollection) => _registered[Key(key, lifetime)] = obj;

    public object? GetRegisteredTaskObject(object key, RegisteredTaskObjectLifetime lifetime) =>
        _registered.TryGetValue(Key(key, lifetime), out var value) ? value : null;

    public object? UnregisterTaskObject(object key, RegisteredTaskObjectLifetime lifetime) =>
        _registered.TryRemove(Key(key, lifetime), out var value) ? value : null;

    // MSBuild keeps one table per lifetime, so the same key under two lifetimes is two objects.
    private static object Key(object key, RegisteredTaskObjectLifetime lifetime) => Tuple.Create(key, lifetime);
}
