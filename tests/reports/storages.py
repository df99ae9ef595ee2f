"""Real storages that fail in a chosen way, for the all-or-nothing tests."""

from django.core.files.storage import FileSystemStorage


class FailOnSecondSaveStorage(FileSystemStorage):
    saves = 0

    def _save(self, name, content):
        FailOnSecondSaveStorage.saves += 1
        if FailOnSecondSaveStorage.saves % 2 == 0:
            raise OSError(28, "No space left on device")
        return super()._save(name, content)
