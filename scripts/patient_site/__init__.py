"""The patient-education site generator: one clinic article in, an accessible, embeddable website out.

See ARCHITECTURE.md for the build, event by event, and the module that does each step.
"""
