"""What error emails and logs may show about a request that carried a public form.

Django's ``sensitive_post_parameters()`` hides the POST values, but the traceback's local variables
(the form's cleaned data, the model being saved, the SQL parameters) would still show them. For a request
whose view hides all its POST parameters, this filter hides every local variable as well.
"""

from django.views.debug import SafeExceptionReporterFilter


class PublicFormExceptionReporterFilter(SafeExceptionReporterFilter):
    def get_traceback_frame_variables(self, request, tb_frame):
        if request is not None and getattr(request, "sensitive_post_parameters", None) == "__ALL__":
            return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]
        return super().get_traceback_frame_variables(request, tb_frame)
