app_name = "reading_corners"

urlpatterns = []
